using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using MiniExcelLibs;
using Npgsql;

namespace DoanKhoi.Membership.Bench;

/// <summary>What the import took: the preview and the commit of one sheet (request to last byte, through
/// the gateway), what they answered, and how long after the commit the consumer of the member events
/// (identity's known members) had every imported member.</summary>
public sealed record ImportFigures(int Rows, long Bytes, double PreviewSeconds, string Preview, double CommitSeconds, string Commit,
    double EventsSeconds, int EventsHandled, string Load);

/// <summary>The import the issue times: <c>--import 10000</c> members of the largest unit in one .xlsx with
/// the template's Vietnamese headers, previewed (commit=false) then committed (commit=true) by the bloc
/// office, and the events of that commit followed to their consumer.</summary>
public static class ImportScenario
{
    public static async Task<ImportFigures> MeasureAsync(BenchSystem system, GeneratedData data, int rows, int seed)
    {
        var sheet = Sheet(rows, seed);
        Console.WriteLine($"==> import: {rows:N0} members of {data.LargestUnitCode} in one .xlsx of {sheet.Length / 1024.0 / 1024.0:0.0} MB");
        using var client = await system.SignedInAsync("vanphong");
        client.Timeout = TimeSpan.FromMinutes(15);
        var path = $"/api/membership/units/{data.LargestUnitId}/members/import";
        var load = Machine.LoadAverage();

        var (previewTime, preview, _) = await PostAsync(client, path + "?commit=false", sheet);
        Console.WriteLine($"    preview in {previewTime.TotalSeconds:0.0} s: {preview}");
        var before = await system.KnownMembersAsync();
        var (commitTime, commit, accepted) = await PostAsync(client, path + "?commit=true", sheet);
        var committed = Stopwatch.StartNew();
        Console.WriteLine($"    commit in {commitTime.TotalSeconds:0.0} s: {commit}");

        // Every imported member reaches identity (it keeps the members a member post may name) through the outbox and RabbitMQ.
        var handled = 0;
        while (committed.Elapsed < TimeSpan.FromMinutes(5))
        {
            handled = (int)(await system.KnownMembersAsync() - before);
            if (handled >= accepted) break;
            await Task.Delay(100);
        }
        var events = committed.Elapsed;
        Console.WriteLine($"    {handled:N0} of {accepted:N0} member events handled by identity {events.TotalSeconds:0.0} s after the commit answered");
        return new ImportFigures(rows, sheet.Length, previewTime.TotalSeconds, preview, commitTime.TotalSeconds, commit, events.TotalSeconds, handled, load);
    }

    public static void Print(ImportFigures f, TextWriter output)
    {
        output.WriteLine($"  import of {f.Rows:N0} members from .xlsx ({f.Bytes / 1024.0 / 1024.0:0.0} MB), load at start {f.Load}:");
        output.WriteLine($"    preview {f.PreviewSeconds,6:0.0} s   ({f.Preview})");
        output.WriteLine($"    commit  {f.CommitSeconds,6:0.0} s   ({f.Commit})");
        output.WriteLine($"    events  {f.EventsSeconds,6:0.0} s after the commit, {f.EventsHandled:N0} handled by identity");
        output.WriteLine("  (targets: preview and commit each ≤ 10 s; every event handled within 15 s of the commit)");
    }

    /// <summary>The sheet a secretary would fill in: the template's headers, dates as dd/MM/yyyy text.</summary>
    private static byte[] Sheet(int rows, int seed)
    {
        // Serials from 900,000: apart from the generated members' (from 100,000), so every row is a new person.
        var people = new People(new Random(seed + 1), DateOnly.FromDateTime(DateTime.UtcNow), firstSerial: 900_000);
        var sheet = new List<Dictionary<string, object?>>(rows);
        for (var n = 0; n < rows; n++)
        {
            var p = people.Next(n);
            sheet.Add(new Dictionary<string, object?>
            {
                ["Họ và tên"] = p.Name,
                ["Ngày sinh"] = p.Born.ToString("dd/MM/yyyy"),
                ["Giới tính"] = p.Female ? "Nữ" : "Nam",
                ["Dân tộc"] = p.Ethnicity,
                ["Số CCCD"] = p.CitizenId,
                ["Số điện thoại"] = p.Phone,
                ["Email"] = p.Email,
                ["Ngày vào Đoàn"] = p.Joined.ToString("dd/MM/yyyy"),
            });
        }
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>The time to the answer's last byte, what it says, and how many rows it accepted.</summary>
    private static async Task<(TimeSpan, string, int)> PostAsync(HttpClient client, string path, byte[] sheet)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(sheet);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "doan-vien.xlsx");
        var watch = Stopwatch.StartNew();
        using var response = await client.PostAsync(path, form);
        var body = await response.Content.ReadAsStringAsync();
        watch.Stop();
        if (!response.IsSuccessStatusCode) return (watch.Elapsed, $"{(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}", 0);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        string Count(string name) => root.TryGetProperty(name, out var v) ? v.ToString() : "?";
        // The first refusal says why, should the generated sheet break a rule.
        var refusal = root.GetProperty("items").EnumerateArray().FirstOrDefault(i => i.GetProperty("result").GetString() is "refused" or "Refused");
        var why = refusal.ValueKind == JsonValueKind.Object ? $" (row {refusal.GetProperty("row")}: {refusal.GetProperty("problems")})" : "";
        return (watch.Elapsed, $"200, {Count("accepted")} accepted, {Count("alreadyRecorded")} already recorded, {Count("refused")} refused{why}",
            root.GetProperty("accepted").GetInt32());
    }
}
