using System.ComponentModel.DataAnnotations;
using DoanKhoi.Problems;

namespace DoanKhoi;

/// <summary>One page of a list that is too long to send whole, and where it stands in the list.</summary>
public sealed record PagedList<T>(
    [property: MaxLength(Paging.MaxPageSize)] IReadOnlyList<T> Items,
    [property: Range(0, int.MaxValue)] int Total,
    [property: Range(1, Paging.MaxPage)] int Page,
    [property: Range(1, Paging.MaxPageSize)] int PageSize);

/// <summary>The paging every list endpoint takes: <c>page</c> from 1, <c>pageSize</c> up to a maximum.
/// State them on the handler's parameters, so that the OpenAPI description says them too:
/// <c>[FromQuery, Range(1, Paging.MaxPage)] int page = 1, [FromQuery, Range(1, Paging.MaxPageSize)] int pageSize = 50</c>.</summary>
public static class Paging
{
    /// <summary>The largest page a <see cref="PagedList{T}"/> holds.</summary>
    public const int MaxPageSize = 200;

    /// <summary>The last page anyone may ask for, so that what comes before it (page − 1 times the page size) is a number the database takes.</summary>
    public const int MaxPage = 1_000_000;

    /// <summary>Records what is wrong with <paramref name="page"/> and <paramref name="pageSize"/>.</summary>
    public static void Check(FieldErrors errors, int page, int pageSize, int maxPageSize = MaxPageSize)
    {
        if (page is < 1 or > MaxPage) errors.Add("page", $"The page number is between 1 and {MaxPage}.");
        if (pageSize < 1 || pageSize > maxPageSize) errors.Add("pageSize", $"The page size is between 1 and {maxPageSize}.");
    }

    /// <summary>The rows before the page.</summary>
    public static int Skip(int page, int pageSize) => (page - 1) * pageSize;
}
