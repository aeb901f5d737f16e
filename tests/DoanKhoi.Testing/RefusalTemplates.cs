using System.Text;
using System.Text.RegularExpressions;

namespace DoanKhoi.Testing;

/// <summary>The refusals a service's source writes, as the <c>ProblemText</c> templates they make
/// (<c>"'{0}' is not a date: …"</c>): the message of each problem exception, each <c>errors.Add</c> and each <c>ProblemText.Of</c>,
/// read from the C# source so that a test can ask whether every one has its Vietnamese. A message built
/// in a variable is not found here: write refusals where they are thrown.</summary>
public static partial class RefusalTemplates
{
    [GeneratedRegex(@"\b(?:ValidationFailedException|DomainRuleException|ConflictException|ForbiddenException|PayloadTooLargeException|UnsupportedMediaTypeException|errors\.Add|ProblemText\.Of)\(")]
    private static partial Regex Call();

    /// <summary>Every template found under <paramref name="folders"/> (relative to the repository), with the file it is in.</summary>
    public static IReadOnlyDictionary<string, string> In(params string[] folders)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            var root = Path.Combine(TestServers.RepositoryRoot, folder);
            foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(TestServers.RepositoryRoot, file);
                if (relative.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") || relative.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")) continue;
                foreach (var template in Of(File.ReadAllText(file))) found.TryAdd(template, relative);
            }
        }
        return found;
    }

    /// <summary>The templates of one source text.</summary>
    public static IEnumerable<string> Of(string source)
    {
        foreach (Match call in Call().Matches(source))
        {
            // The message is the first string among the call's arguments that reads as a sentence (a field name has no space).
            var depth = 0;
            for (var i = call.Index + call.Length; i < source.Length && i < call.Index + call.Length + 600; i++)
            {
                var c = source[i];
                if (depth == 0 && c is '$' or '"' or '@' && Read(source, i) is { } literal)
                {
                    if (literal.Text.Contains(' ')) { yield return literal.Text; break; }
                    i = literal.End - 1;
                    continue;
                }
                if (c == '(') depth++;
                else if (c == ')' && depth-- == 0) break;
                else if (c == ';') break;
            }
        }
    }

    /// <summary>Reads the string literal at <paramref name="start"/> (plain, verbatim or interpolated) as a
    /// template: literal braces doubled, each hole numbered in order with its format.</summary>
    private static (string Text, int End)? Read(string source, int start)
    {
        var i = start;
        var interpolated = source[i] == '$';
        if (interpolated) i++;
        if (source[i] == '@') i++;
        if (source[i] != '"') return null;
        i++;
        var text = new StringBuilder();
        var holes = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '\\') { text.Append(Unescape(source[i + 1])); i += 2; continue; }
            if (c == '"') return (text.ToString(), i + 1);
            if (c is '{' or '}' && !interpolated) { text.Append(c, 2); i++; continue; }
            if (c is '{' or '}' && source[i + 1] == c) { text.Append(c, 2); i += 2; continue; }
            if (c == '{')
            {
                var (format, end) = Hole(source, i + 1);
                text.Append('{').Append(holes++);
                if (format is not null) text.Append(':').Append(format);
                text.Append('}');
                i = end + 1;
                continue;
            }
            text.Append(c);
            i++;
        }
        return null;
    }

    /// <summary>The format of the hole that starts at <paramref name="i"/> and the index of its closing brace.</summary>
    private static (string? Format, int End) Hole(string source, int i)
    {
        var depth = 0;
        int? colon = null;
        var start = i;
        for (; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '"')
            {
                for (i++; source[i] != '"'; i++) if (source[i] == '\\') i++;
            }
            else if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']') depth--;
            else if (c == '}')
            {
                if (depth == 0) break;
                depth--;
            }
            else if (c == ':' && depth == 0 && colon is null && !source[start..i].Contains('?')) colon = i;
        }
        return (colon is { } at ? source[(at + 1)..i] : null, i);
    }

    private static string Unescape(char c) => c switch { 'n' => "\n", 't' => "\t", '"' => "\"", '\\' => "\\", _ => "\\" + c };
}
