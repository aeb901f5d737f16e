namespace DoanKhoi.Identity.Domain;

/// <summary>The user name a member's account is given: the given name (the last word, as Vietnamese people
/// are called) and the initials of the others, without diacritics, "Hoàng Thị Thu Trang" → <c>trang.htt</c>;
/// a number is added when it is taken (<c>trang.htt2</c>). Short enough to type on a phone, readable on a slip.</summary>
public static class MemberUserNames
{
    public static string BaseFor(string fullName)
    {
        var words = DoanKhoi.Text.VietnameseText.Fold(fullName)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(c => c is >= 'a' and <= 'z' or >= '0' and <= '9').ToArray()))
            .Where(w => w.Length > 0).ToList();
        if (words.Count == 0) return "doanvien";
        var given = words[^1];
        var initials = string.Concat(words.Take(words.Count - 1).Select(w => w[0]));
        var name = initials.Length == 0 ? given : $"{given}.{initials}";
        return name.Length > 60 ? name[..60] : name;
    }

    /// <summary>The first of <c>base</c>, <c>base2</c>, <c>base3</c>… not in <paramref name="taken"/> (lower case).</summary>
    public static string FirstFree(string baseName, ISet<string> taken)
    {
        if (!taken.Contains(baseName)) return baseName;
        for (var n = 2; ; n++)
            if (!taken.Contains($"{baseName}{n}")) return $"{baseName}{n}";
    }
}
