using System.ComponentModel.DataAnnotations;
using System.Globalization;
using DoanKhoi.OpenApi;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Microsoft.Extensions.Hosting;

/// <summary>States the limits that follow from a value's type, so that every schema has them: an id, a
/// date or a time is as long as its written form, an integer stays within its type. Every other limit
/// is the endpoint's to state, on its request record or parameter (<c>[StringLength]</c>,
/// <c>[MaxLength]</c> on a list, <c>[Range]</c>), where ASP.NET Core reads it; this transformer also
/// reads <c>[AllowedValues]</c> (the values a text takes) and <see cref="ItemMaxLengthAttribute"/>.</summary>
internal sealed class OpenApiLimits : IOpenApiSchemaTransformer
{
    /// <summary>A GUID as System.Text.Json writes and the API takes it: "5b0c3d1e-…" (format D).</summary>
    public const int UuidLength = 36;

    /// <summary>A date: "2026-11-25".</summary>
    public const int DateLength = 10;

    /// <summary>A date and time with its offset, as System.Text.Json writes it: "2026-11-25T10:15:30.1234567+07:00".</summary>
    public const int DateTimeMaxLength = 33;

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is not { } type) return Task.CompletedTask;
        var attributes = AttributesOf(context);
        if (attributes.OfType<AllowedValuesAttribute>().LastOrDefault() is { } allowed && type.HasFlag(JsonSchemaType.String))
            schema.Enum = allowed.Values.OfType<string>().Select(v => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(v)).ToList();
        if (attributes.OfType<ItemMaxLengthAttribute>().LastOrDefault() is { } item && schema.Items is OpenApiSchema items)
            items.MaxLength ??= item.Length;
        if (type.HasFlag(JsonSchemaType.String) && schema.MaxLength is null)
        {
            schema.MaxLength = schema.Format switch
            {
                "uuid" => UuidLength,
                "date" => DateLength,
                "date-time" => DateTimeMaxLength,
                _ => null,
            };
        }
        if (type.HasFlag(JsonSchemaType.Integer))
        {
            var (minimum, maximum) = schema.Format switch
            {
                "int64" => (long.MinValue.ToString(CultureInfo.InvariantCulture), long.MaxValue.ToString(CultureInfo.InvariantCulture)),
                "int16" => (short.MinValue.ToString(CultureInfo.InvariantCulture), short.MaxValue.ToString(CultureInfo.InvariantCulture)),
                "uint8" => (byte.MinValue.ToString(CultureInfo.InvariantCulture), byte.MaxValue.ToString(CultureInfo.InvariantCulture)),
                _ => (int.MinValue.ToString(CultureInfo.InvariantCulture), int.MaxValue.ToString(CultureInfo.InvariantCulture)),
            };
            schema.Minimum ??= minimum;
            schema.Maximum ??= maximum;
        }
        return Task.CompletedTask;
    }

    /// <summary>The attributes on the property or the handler's parameter the schema is for.</summary>
    private static IEnumerable<object> AttributesOf(OpenApiSchemaTransformerContext context)
    {
        if (context.JsonPropertyInfo?.AttributeProvider is { } property) return property.GetCustomAttributes(inherit: true);
        if (context.ParameterDescription?.ParameterDescriptor is IParameterInfoParameterDescriptor { ParameterInfo: { } parameter })
            return parameter.GetCustomAttributes(inherit: true);
        return [];
    }
}
