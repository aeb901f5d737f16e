namespace DoanKhoi.Problems;

// The failures a request can meet, each turned into RFC 9457 problem details by
// ProblemDetailsExceptionHandler. Messages are written for the person who sent the request.

/// <summary>One or more fields are invalid (400). Keys are the request's field names.</summary>
public class ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("One or more fields are invalid: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")))
{
    public ValidationFailedException(string field, string message) : this(new Dictionary<string, string[]> { [field] = [message] }) { }

    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>The thing asked for does not exist (404).</summary>
public class NotFoundException(string what, object id) : Exception($"There is no {what} with id '{id}'.");

/// <summary>The thing exists but lies outside the caller's part of the organisation: the answer is the
/// same 404 as for one that does not exist, so the caller learns nothing; the refusal is recorded.</summary>
public sealed class OutOfReachException(string what, object id) : NotFoundException(what, id);

/// <summary>The caller may see the thing but their post does not allow this change (403).</summary>
public sealed class ForbiddenException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}

/// <summary>The request clashes with what is stored: a duplicate code, a stale version (409).</summary>
public class ConflictException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}

/// <summary>The request is well-formed but breaks a rule of the domain (422).</summary>
public class DomainRuleException(string message) : Exception(message);

/// <summary>The request is larger than the endpoint takes: a file over its size or row limit (413).</summary>
public sealed class PayloadTooLargeException(string message) : Exception(message);

/// <summary>The body is not of a kind the endpoint reads, judged by its content: a file that is not a
/// spreadsheet (415).</summary>
public sealed class UnsupportedMediaTypeException(string message) : Exception(message);

/// <summary>Collects field errors and throws them together, so the sender learns every problem at once.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    /// <summary>Each field at fault with its messages, in the order they were first found.</summary>
    public IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> Entries =>
        _errors.Select(e => new KeyValuePair<string, IReadOnlyList<string>>(e.Key, e.Value));

    public void Add(string field, string message)
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
            foreach (var (field, messages) in e.Errors)
                foreach (var message in messages) Add(field, message);
            return default;
        }
    }

    public void ThrowIfAny()
    {
        if (Any) throw new ValidationFailedException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }
}
