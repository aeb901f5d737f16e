using System.Globalization;
using System.Text.RegularExpressions;
using DoanKhoi.Problems;
using Xunit;

namespace DoanKhoi.Testing;

/// <summary>What each service's Vietnamese catalogue must hold: a translation for every refusal its source
/// writes, and in each translation only the values its English has, in a template that formats.</summary>
public static partial class CatalogueChecks
{
    public static TheoryData<string, string> EntriesOf(params ProblemCatalogue[] catalogues)
    {
        var data = new TheoryData<string, string>();
        foreach (var (english, vietnamese) in catalogues.SelectMany(c => c.Entries)) data.Add(english, vietnamese);
        return data;
    }

    public static void ShouldSayOnlyItsValues(string english, string vietnamese)
    {
        var holes = Holes().Matches(english).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToHashSet();
        var values = Enumerable.Range(0, holes.Count == 0 ? 0 : holes.Max() + 1).Select(_ => (object?)new AnyValue()).ToArray();

        Assert.All(Holes().Matches(vietnamese), m => Assert.Contains(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), holes));
        var said = string.Format(CultureInfo.InvariantCulture, vietnamese, values);
        Assert.DoesNotContain("{", said.Replace("{{", ""));
        Assert.NotEqual(english, vietnamese);
    }

    /// <summary>Fails naming each refusal written under <paramref name="folders"/> that <paramref name="catalogues"/>
    /// cannot say in Vietnamese; and when the source yields fewer than <paramref name="atLeast"/> (the reading broke).</summary>
    public static void ShouldTranslateEveryRefusal(ProblemCatalogue[] catalogues, int atLeast, params string[] folders)
    {
        var catalogue = ProblemCatalogue.Merge(catalogues);
        var written = RefusalTemplates.In(folders);

        Assert.True(written.Count >= atLeast, $"Only {written.Count} refusals were read from {string.Join(", ", folders)}.");
        var missing = written.Where(t => catalogue.Find(t.Key) is null).Select(t => $"{t.Value}: {t.Key}").Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} refusals have no Vietnamese:\n{string.Join("\n", missing)}");
    }

    /// <summary>A value that takes any format, standing in for a date, a number or a name.</summary>
    private sealed class AnyValue : IFormattable
    {
        public string ToString(string? format, IFormatProvider? formatProvider) => "·";
    }

    [GeneratedRegex(@"(?<!\{)\{(\d+)(?::[^}]*)?\}")]
    private static partial Regex Holes();
}
