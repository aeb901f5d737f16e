namespace DoanKhoi.Reporting.Domain.Programme;

/// <summary>Next year's programme from this year's: the same targets and weights, every date moved by
/// the years between (25/02/2023 becomes 25/02/2024), for the standing committee to edit.</summary>
public static class ProgrammeCopy
{
    public static TargetProgramme ToYear(TargetProgramme source, int year)
    {
        var years = year - source.Year;
        DateOnly Move(DateOnly day) => day.AddYears(years);
        return source with
        {
            Year = year,
            StartsOn = Move(source.StartsOn),
            EndsOn = Move(source.EndsOn),
            Reports = source.Reports.Select(r => r with { Due = Move(r.Due), From = r.From is { } f ? Move(f) : null, To = r.To is { } t ? Move(t) : null }).ToList(),
        };
    }
}
