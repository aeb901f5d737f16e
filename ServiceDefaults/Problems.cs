namespace DoanKhoi.Problems;

// The failures a request can meet, each turned into RFC 9457 problem details by
// ProblemDetailsExceptionHandler. Messages are written for the person who sent the request.

/// <summary>One or more fields are invalid (400). Keys are the request's field names; each message is a
/// <see cref="ProblemText"/>, said in Vietnamese to a request that asks for it.</summary>
public class ValidationFailedException(IReadOnlyDictionary<string, ProblemText[]> texts)
    : Exception("One or more fields are invalid: " + string.Join("; ", texts.Select(e => $"{e.Key}: {string.Join(" ", e.Value.Select(t => t.English))}")))
{
    public ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
        : this(errors.ToDictionary(e => e.Key, e => e.Value.Select(ProblemText.Of).ToArray())) { }

    public ValidationFailedException(string field, string message) : this(One(field, ProblemText.Of(message))) { }

    public ValidationFailedException(string field, ProblemTextBuilder message) : this(One(field, message.ToText())) { }

    /// <summary>The messages in English, by field.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = texts.ToDictionary(e => e.Key, e => e.Value.Select(t => t.English).ToArray());

    public IReadOnlyDictionary<string, ProblemText[]> Texts { get; } = texts;

    private static Dictionary<string, ProblemText[]> One(string field, ProblemText text) => new() { [field] = [text] };
}

/// <summary>The thing asked for does not exist (404).</summary>
public class NotFoundException(string what, object id) : Exception($"There is no {what} with id '{id}'.")
{
    /// <summary>What was asked for, in English (<c>member</c>, <c>unit</c>).</summary>
    public string What { get; } = what;

    public object Id { get; } = id;
}

/// <summary>The thing exists but lies outside the caller's part of the organisation: the answer is the
/// same 404 as for one that does not exist, so the caller learns nothing; the refusal is recorded.</summary>
public sealed class OutOfReachException(string what, object id) : NotFoundException(what, id);

/// <summary>A refusal whose message can be said in Vietnamese: its <see cref="ProblemText"/>.</summary>
public abstract class RefusalException(ProblemText text) : Exception(text.English)
{
    public ProblemText Text { get; } = text;
}

/// <summary>The caller may see the thing but their post does not allow this change (403).</summary>
public sealed class ForbiddenException : RefusalException
{
    public ForbiddenException(string message, string? field = null) : base(ProblemText.Of(message)) => Field = field;
    public ForbiddenException(ProblemTextBuilder message, string? field = null) : base(message.ToText()) => Field = field;

    public string? Field { get; }
}

/// <summary>The request clashes with what is stored: a duplicate code, a stale version (409).</summary>
public class ConflictException : RefusalException
{
    public ConflictException(string message, string? field = null) : base(ProblemText.Of(message)) => Field = field;
    public ConflictException(ProblemTextBuilder message, string? field = null) : base(message.ToText()) => Field = field;

    public string? Field { get; }
}

/// <summary>The request is well-formed but breaks a rule of the domain (422).</summary>
public class DomainRuleException : RefusalException
{
    public DomainRuleException(string message) : base(ProblemText.Of(message)) { }
    public DomainRuleException(ProblemTextBuilder message) : base(message.ToText()) { }
    public DomainRuleException(ProblemText message) : base(message) { }
    private DomainRuleException(ProblemText text, string field) : base(text) => Field = field;

    /// <summary>The field of the request the rule was broken on, when one item of many broke it.</summary>
    public string? Field { get; }

    /// <summary>The same refusal, said of <paramref name="field"/> (e.g. <c>grades[3].memberId</c>).</summary>
    public DomainRuleException Of(string field) => new(Text, field);
}

/// <summary>The request is larger than the endpoint takes: a file over its size or row limit (413).</summary>
public sealed class PayloadTooLargeException : RefusalException
{
    public PayloadTooLargeException(string message) : base(ProblemText.Of(message)) { }
    public PayloadTooLargeException(ProblemTextBuilder message) : base(message.ToText()) { }
}

/// <summary>The body is not of a kind the endpoint reads, judged by its content: a file that is not a
/// spreadsheet (415).</summary>
public sealed class UnsupportedMediaTypeException : RefusalException
{
    public UnsupportedMediaTypeException(string message) : base(ProblemText.Of(message)) { }
    public UnsupportedMediaTypeException(ProblemTextBuilder message) : base(message.ToText()) { }
}

/// <summary>Collects field errors and throws them together, so the sender learns every problem at once.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<ProblemText>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    /// <summary>Each field at fault with its messages in English, in the order they were first found.</summary>
    public IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> Entries =>
        _errors.Select(e => new KeyValuePair<string, IReadOnlyList<string>>(e.Key, e.Value.Select(t => t.English).ToList()));

    /// <summary>Each field at fault with its messages, to be said in the reader's language.</summary>
    public IEnumerable<KeyValuePair<string, IReadOnlyList<ProblemText>>> Texts =>
        _errors.Select(e => new KeyValuePair<string, IReadOnlyList<ProblemText>>(e.Key, e.Value));

    public void Add(string field, string message) => Add(field, ProblemText.Of(message));

    public void Add(string field, ProblemTextBuilder message) => Add(field, message.ToText());

    public void Add(string field, ProblemText message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    /// <summary>Records that <paramref name="value"/> is longer than <paramref name="maxLength"/>, if it is.</summary>
    public void CheckLength(string field, string? value, int maxLength)
    {
        if (value?.Length > maxLength) Add(field, $"'{field}' is {value.Length} characters long; at most {maxLength} are allowed.");
    }

    /// <summary>Runs <paramref name="create"/>; a <see cref="ValidationFailedException"/> it throws is recorded instead.</summary>
    public T? Check<T>(Func<T> create)
    {
        try
        {
            return create();
        }
        catch (ValidationFailedException e)
        {
            foreach (var (field, messages) in e.Texts)
                foreach (var message in messages) Add(field, message);
            return default;
        }
    }

    public void ThrowIfAny()
    {
        if (Any) throw new ValidationFailedException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }
}
