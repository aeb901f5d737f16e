using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace DoanKhoi.Problems;

/// <summary>A message for the person who sent a request, kept as its English template and its values
/// (<c>"A note is at most {0} characters."</c>, <c>[500]</c>), so that it can be said in Vietnamese for a
/// request that asks for it (<c>Accept-Language: vi</c>) from a <see cref="ProblemCatalogue"/>. Written at
/// the throw site as an ordinary interpolated string.</summary>
public sealed class ProblemText
{
    private ProblemText(string template, object?[] values) => (Template, Values) = (template, values);

    /// <summary>The English text as a composite format: literal braces doubled, each value a hole <c>{i[:format]}</c>.</summary>
    public string Template { get; }

    public IReadOnlyList<object?> Values { get; }

    public string English => Values.Count == 0 ? Unescape(Template) : string.Format(CultureInfo.InvariantCulture, Template, [.. Values]);

    public override string ToString() => English;

    /// <summary>The text in the catalogue's language when it knows the template, else in English.</summary>
    public string In(ProblemCatalogue? catalogue) =>
        catalogue?.Find(Template) is { } translated ? string.Format(CultureInfo.InvariantCulture, translated, [.. Values]) : English;

    /// <summary>A text with no values: the template is the text itself.</summary>
    public static ProblemText Of(string text) => new(Escape(text), []);

    /// <summary>A text from an interpolated string, its template and values kept: for a message that is
    /// stored before it is said (an import's row reasons).</summary>
    public static ProblemText Of(ProblemTextBuilder text) => text.ToText();

    internal static ProblemText Of(string template, List<object?> values) => new(template, [.. values]);

    public static implicit operator ProblemText(string text) => Of(text);

    internal static string Escape(string text) => text.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);

    private static string Unescape(string template) => template.Replace("{{", "{", StringComparison.Ordinal).Replace("}}", "}", StringComparison.Ordinal);
}

/// <summary>Builds a <see cref="ProblemText"/> from an interpolated string: the literal parts make the
/// template, the holes its values (with their formats, e.g. <c>{on:dd/MM/yyyy}</c>).</summary>
[InterpolatedStringHandler]
public ref struct ProblemTextBuilder
{
    private readonly StringBuilder _template;
    private readonly List<object?> _values;

    public ProblemTextBuilder(int literalLength, int formattedCount)
    {
        _template = new StringBuilder(literalLength + formattedCount * 4);
        _values = new List<object?>(formattedCount);
    }

    public readonly void AppendLiteral(string text) => _template.Append(ProblemText.Escape(text));

    public readonly void AppendFormatted<T>(T value) => AppendFormatted(value, null);

    public readonly void AppendFormatted<T>(T value, string? format)
    {
        _template.Append('{').Append(_values.Count.ToString(CultureInfo.InvariantCulture));
        if (format is not null) _template.Append(':').Append(format);
        _template.Append('}');
        _values.Add(value);
    }

    public readonly ProblemText ToText() => ProblemText.Of(_template.ToString(), _values);
}

/// <summary>A service's messages in Vietnamese: each English template (as <see cref="ProblemText.Template"/>
/// writes it) with its Vietnamese template, the same holes in any order.</summary>
public sealed class ProblemCatalogue(IEnumerable<KeyValuePair<string, string>> entries)
{
    private readonly FrozenDictionary<string, string> _entries = entries.ToFrozenDictionary(StringComparer.Ordinal);

    public IEnumerable<KeyValuePair<string, string>> Entries => _entries;

    public string? Find(string template) => _entries.GetValueOrDefault(template);

    /// <summary>Every catalogue registered in the service, as one.</summary>
    public static ProblemCatalogue Merge(IEnumerable<ProblemCatalogue> catalogues) =>
        new(catalogues.SelectMany(c => c.Entries).GroupBy(e => e.Key, StringComparer.Ordinal).Select(g => g.Last()));
}
