using DoanKhoi.Web.Clients;

namespace DoanKhoi.Web.Components.Pages.Reports;

/// <summary>A figure as the sender fills it: prefilled with what was sent last, else with what DoanKhoi counted;
/// a value other than the counted one asks for a reason.</summary>
public sealed class FigureInput(FigureField definition)
{
    public string Code => definition.Code;
    public string Name => definition.Name;
    public long? Counted => definition.Counted;
    public long? Value { get; set; } = definition.Sent ?? definition.Counted;
    public string? Reason { get; set; } = definition.Reason;

    /// <summary>Whether the value differs from what DoanKhoi counted (the reason's field shows then).</summary>
    public bool Differs => Counted is { } counted && Value != counted;
}

/// <summary>A document going with the report: uploaded now (its name known), or sent with the last version
/// (the API gives only its id: <see cref="FileName"/> is null then).</summary>
public sealed record AttachmentChoice(Guid Id, string? FileName, long? Size = null);

/// <summary>The report being written: the figures, the narrative, the documents and a note, prefilled from the
/// last version sent (a returned report is corrected, not written again). What it sends remembers the order
/// of its figures, so that the API's <c>figures[i].reason</c> is shown beside the right one.</summary>
public sealed class ReportDraft
{
    private List<string> _sentOrder = [];

    public List<FigureInput> Figures { get; } = [];
    public string? Narrative { get; set; }
    public string? Note { get; set; }
    public List<AttachmentChoice> Attachments { get; } = [];

    public static ReportDraft Of(ReportForm form)
    {
        var draft = new ReportDraft();
        draft.Figures.AddRange(form.Figures.Select(f => new FigureInput(f)));
        if (form.Sent?.Versions.MaxBy(v => v.Number) is { } latest)
        {
            draft.Narrative = latest.Narrative;
            draft.Attachments.AddRange(latest.AttachmentIds.Select(id => new AttachmentChoice(id, null)));
        }
        return draft;
    }

    /// <summary>What is sent: every figure with a value or a count (a cleared counted one is refused beside its field), in the form's order.</summary>
    public ReportSubmission ToSubmission()
    {
        var sent = Figures.Where(f => f.Value is not null || f.Counted is not null).ToList();
        _sentOrder = sent.Select(f => f.Code).ToList();
        return new ReportSubmission(
            sent.Select(f => new FigureEntry(f.Code, f.Value, string.IsNullOrWhiteSpace(f.Reason) ? null : f.Reason.Trim())).ToList(),
            Narrative, Attachments.Select(a => a.Id).ToList(), string.IsNullOrWhiteSpace(Note) ? null : Note.Trim());
    }

    /// <summary>The API's name of a figure's field in the last submission (<c>figures[2].reason</c>), or null if it was not sent.</summary>
    public string? FieldOf(string code, string part) => _sentOrder.IndexOf(code) is var i and >= 0 ? $"figures[{i}].{part}" : null;

    /// <summary>The API's name of a document in the last submission (<c>attachmentIds[0]</c>).</summary>
    public string? FieldOf(Guid attachment) => Attachments.FindIndex(a => a.Id == attachment) is var i and >= 0 ? $"attachmentIds[{i}]" : null;
}
