using DoanKhoi.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;

namespace DoanKhoi.Files;

/// <summary>A photo or document sent as the form field 'file': read whole (it is kept in the database), or
/// refused before it is read when it is missing or too large.</summary>
public static class UploadedFile
{
    public const string FormField = "file";

    /// <summary>The file's bytes; a 400 on <c>file</c> when none was sent, a 413 when it is past <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]> ReadAsync(IFormFile? file, long maxBytes, CancellationToken ct)
    {
        if (file is null || file.Length == 0) throw new ValidationFailedException(FormField, "Choose the file to upload, sent as the form field 'file'.");
        if (file.Length > maxBytes)
            throw new PayloadTooLargeException($"The file is {file.Length / (1024.0 * 1024):0.#} MB; a file is at most {maxBytes / (1024 * 1024)} MB.");
        using var content = new MemoryStream((int)file.Length);
        await file.CopyToAsync(content, ct);
        return content.ToArray();
    }

    /// <summary>Says in the API description that an uploaded file is at most <paramref name="maxBytes"/> long.</summary>
    public static OpenApiOptions LimitUploadsTo(this OpenApiOptions options, long maxBytes) => options.AddSchemaTransformer((schema, context, _) =>
    {
        if (context.JsonTypeInfo.Type == typeof(IFormFile)) schema.MaxLength = (int)maxBytes;
        return Task.CompletedTask;
    });
}
