using System.Text.Json;

namespace DoanKhoi.Activities.Domain.Programme;

/// <summary>Every programme year the service knows, read once at start from the folder's
/// <c>programme-&lt;year&gt;.json</c> files. An activity takes the vocabulary of its year, or of the
/// latest year before it when that year's file is not there yet (the programme carries on until the
/// next one is written).</summary>
public sealed class ProgrammeCatalogue
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    private readonly SortedDictionary<int, ProgrammeYear> _years;

    public ProgrammeCatalogue(IEnumerable<ProgrammeYear> years)
    {
        _years = new(years.ToDictionary(y => y.Year));
        if (_years.Count == 0) throw new InvalidOperationException("No programme year is loaded: the activities service needs at least one programme-<year>.json.");
    }

    public IReadOnlyCollection<int> Years => _years.Keys;

    /// <summary>The programme that applies to <paramref name="year"/>; the earliest one for a year before it.</summary>
    public ProgrammeYear For(int year) =>
        _years.Where(y => y.Key <= year).Select(y => y.Value).LastOrDefault() ?? _years.First().Value;

    /// <summary>Reads every <c>programme-*.json</c> of <paramref name="folder"/>, refusing a file that uses a code it does not declare.</summary>
    public static ProgrammeCatalogue Load(string folder)
    {
        var years = new List<ProgrammeYear>();
        foreach (var file in Directory.EnumerateFiles(folder, "programme-*.json").Order(StringComparer.Ordinal))
        {
            var year = JsonSerializer.Deserialize<ProgrammeYear>(File.ReadAllText(file), Json)
                ?? throw new InvalidOperationException($"{file} is empty.");
            if (year.Problems() is { Count: > 0 } problems)
                throw new InvalidOperationException($"{Path.GetFileName(file)}: {string.Join(" ", problems)}");
            years.Add(year);
        }
        return new ProgrammeCatalogue(years);
    }

    /// <summary>The folder the service ships its programme files in.</summary>
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "Programme");
}
