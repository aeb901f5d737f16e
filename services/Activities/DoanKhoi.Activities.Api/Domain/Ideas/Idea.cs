using System.Text;
using DoanKhoi.Contracts.Activities;
using DoanKhoi.Messaging.Outbox;
using DoanKhoi.Problems;
using DoanKhoi.Text;

namespace DoanKhoi.Activities.Domain.Ideas;

/// <summary>A creative idea (ý tưởng sáng tạo, target K06) of a unit's members, posted on
/// ytuongsangtao.net: submitted, then accepted or rejected (with a reason) by the bloc office, then
/// applied in practice. Only accepted ideas count. An idea whose link or title matches another's is
/// shown to the reviewer as a possible duplicate (padding).</summary>
public sealed class Idea : AggregateRoot
{
    public const int TitleMaxLength = 300;
    public const int SummaryMaxLength = 2000;
    public const int LinkMaxLength = 500;
    public const int ReasonMaxLength = 500;
    public const int MaxAuthors = 10;
    public const string Site = "ytuongsangtao.net";

    /// <summary>The fields of seed IV.6: professional work, labour, production, Union work.</summary>
    public static readonly IReadOnlyList<string> Fields = ["professional-work", "labour", "production", "union-work"];

    private Idea() { }

    public Guid Id { get; private set; }
    public int Year { get; private set; }
    public Guid UnitId { get; private set; }
    public string Title { get; private set; } = "";
    /// <summary>The title folded without diacritics, case or spaces: what two padded copies share.</summary>
    public string TitleKey { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public string Field { get; private set; } = "";
    public string Link { get; private set; } = "";
    /// <summary>The link without scheme, "www.", fragment or trailing slash, lower case.</summary>
    public string LinkKey { get; private set; } = "";
    public List<Guid> AuthorIds { get; private set; } = [];
    public IdeaStatus Status { get; private set; }
    public string? RejectReason { get; private set; }
    public string? ReviewedBy { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public static Idea Submit(int year, Guid unitId, string? title, string? summary, string? field, string? link, IReadOnlyList<Guid>? authorIds, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var cleanTitle = title is null ? "" : VietnameseText.Clean(title);
        if (cleanTitle.Length == 0) errors.Add("title", "A title is required.");
        errors.CheckLength("title", cleanTitle, TitleMaxLength);
        var cleanSummary = summary?.Trim().Normalize() ?? "";
        errors.CheckLength("summary", cleanSummary, SummaryMaxLength);
        if (field is null || !Fields.Contains(field))
            errors.Add("field", $"'{field}' is not a field: use {string.Join(", ", Fields)}.");
        var checkedLink = errors.Check(() => CheckLink(link));
        var authors = (authorIds ?? []).Distinct().ToList();
        if (authors.Count == 0) errors.Add("authorIds", "Name at least one author: the members whose idea it is.");
        if (authors.Count > MaxAuthors) errors.Add("authorIds", $"At most {MaxAuthors} authors; {authors.Count} were sent.");
        errors.ThrowIfAny();

        var idea = new Idea
        {
            Id = Guid.CreateVersion7(now), Year = year, UnitId = unitId, Title = cleanTitle, TitleKey = KeyOf(cleanTitle), Summary = cleanSummary,
            Field = field!, Link = checkedLink!.ToString(), LinkKey = LinkKeyOf(checkedLink), AuthorIds = authors, Status = IdeaStatus.Submitted,
            SubmittedAt = now, UpdatedAt = now, Version = 1,
        };
        idea.Raise(new IdeaChanged { Idea = idea.ToSnapshot(), OccurredAt = now });
        return idea;
    }

    /// <summary>The bloc office's decision: accepted, or rejected with a reason.</summary>
    public void Review(bool accept, string? reason, string reviewer, DateTimeOffset now)
    {
        if (Status is not (IdeaStatus.Submitted or IdeaStatus.Accepted or IdeaStatus.Rejected))
            throw new DomainRuleException("The idea is applied in practice already: its review can no longer change.");
        reason = reason is null ? null : VietnameseText.Clean(reason);
        if (!accept && string.IsNullOrEmpty(reason)) throw new ValidationFailedException("reason", "Say why the idea is rejected, for its unit.");
        if (reason?.Length > ReasonMaxLength) throw new ValidationFailedException("reason", $"A reason is at most {ReasonMaxLength} characters long.");
        Status = accept ? IdeaStatus.Accepted : IdeaStatus.Rejected;
        RejectReason = accept ? null : reason;
        ReviewedBy = reviewer;
        Changed(now);
    }

    public void MarkApplied(DateTimeOffset now)
    {
        if (Status != IdeaStatus.Accepted)
            throw new DomainRuleException("Only an accepted idea is marked applied in practice.");
        Status = IdeaStatus.Applied;
        Changed(now);
    }

    public IdeaSnapshot ToSnapshot() => new()
    {
        IdeaId = Id, Year = Year, UnitId = UnitId, Title = Title, Field = Field, Link = Link, AuthorIds = [.. AuthorIds], Status = Status, Version = Version,
    };

    /// <summary>An absolute http(s) link on ytuongsangtao.net (or a subdomain).</summary>
    public static Uri CheckLink(string? link)
    {
        var text = link?.Trim() ?? "";
        if (text.Length == 0) throw new ValidationFailedException("link", $"The link of the idea's page on {Site} is required.");
        if (text.Length > LinkMaxLength) throw new ValidationFailedException("link", $"A link is at most {LinkMaxLength} characters long.");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || !(uri.Host.Equals(Site, StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith("." + Site, StringComparison.OrdinalIgnoreCase)))
            throw new ValidationFailedException("link", $"'{text}' is not a page on {Site}: post the idea there and give the link of its page.");
        return uri;
    }

    /// <summary>"Sáng kiến  Số hóa HỒ SƠ" and "sang kien so hoa ho so" share a key.</summary>
    public static string KeyOf(string title) => VietnameseText.Fold(title).Replace(" ", "", StringComparison.Ordinal);

    public static string LinkKeyOf(Uri link)
    {
        var host = link.Host.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal)) host = host[4..];
        return new StringBuilder(host).Append(link.PathAndQuery.TrimEnd('/').ToLowerInvariant()).ToString();
    }

    private void Changed(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
        Raise(new IdeaChanged { Idea = ToSnapshot(), OccurredAt = now });
    }
}

/// <summary>How many accepted ideas the bloc office expects of a unit in a year. Reporting counts K06's
/// "100 % of units meet their quota" against it, so each change is published with a version.</summary>
public sealed class IdeaQuota : AggregateRoot
{
    public const int MaxCount = 1000;

    private IdeaQuota() { }

    public int Year { get; private set; }
    public Guid UnitId { get; private set; }
    public int Count { get; private set; }
    public int Version { get; private set; }

    public static IdeaQuota Set(int year, Guid unitId, int count, DateTimeOffset now)
    {
        var quota = new IdeaQuota { Year = year, UnitId = unitId };
        quota.Change(count, now);
        return quota;
    }

    public void Change(int count, DateTimeOffset now)
    {
        if (Version > 0 && count == Count) return;
        Count = count;
        Version++;
        Raise(new IdeaQuotaSet { Year = Year, UnitId = UnitId, Count = Count, Version = Version, OccurredAt = now });
    }
}
