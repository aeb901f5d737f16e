using System.Globalization;
using System.Text;

namespace DoanKhoi.Text;

/// <summary>Vietnamese text as people type it: stored in Unicode NFC, searched without diacritics or case.</summary>
public static class VietnameseText
{
    /// <summary>The longest search text an API takes (its <c>q</c>): each word becomes a condition of the query.</summary>
    public const int MaxQueryLength = 100;

    /// <summary>NFC, trimmed, inner runs of white space collapsed to one space.</summary>
    public static string Clean(string text)
    {
        var nfc = text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(nfc.Length);
        var space = false;
        foreach (var c in nfc.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space) builder.Append(' ');
            space = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>The search key of a text: lower case, diacritics removed, đ as d.
    /// "Đoàn Trường THPT Việt Bắc" → "doan truong thpt viet bac".</summary>
    public static string Fold(string text)
    {
        var decomposed = Clean(text).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            builder.Append(c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            });
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>One SQL LIKE pattern per word of what someone typed, folded and escaped:
    /// "Đoàn  trường" → ["%doan%", "%truong%"]. A row matches when it matches every pattern.</summary>
    public static IReadOnlyList<string> ContainsPatterns(string? query) =>
        string.IsNullOrWhiteSpace(query)
            ? []
            : Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct()
                .Select(word => "%" + word.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%").ToList();
}
