using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using DoanKhoi.Membership.Bench;

namespace DoanKhoi.Activities.Bench;

/// <summary>The attendance sheet of a whole activity in one request (PUT /activities/{id}/attendance), by
/// the bloc office, on a fresh activity of the bloc planned for today each run (the bloc's activities reach
/// every unit): (a) <c>sheet</c> members registered beforehand (one POST /participants, timed too), marked
/// by <c>everyoneElse: attended</c> with a few marks (excused, absent); (b) <c>sheet</c> members who did not
/// register, every one in <c>marks</c> (walk-ins). The members are active ones of the generated members,
/// drawn at random across the units. Each answer's counts are checked.</summary>
public static class AttendanceScenario
{
    public const int Excused = 10;
    public const int Absent = 10;

    public static async Task<List<Figures>> MeasureAsync(BenchSystem system, GeneratedData data, BenchSettings settings, string kind, DateOnly today)
    {
        var random = new Random(settings.Seed + 2);
        using var client = await system.SignedInAsync("vanphong");
        var register = new Timings();
        var registered = new Timings();
        var walkIns = new Timings();
        var load = Machine.LoadAverage();
        for (var run = -settings.SheetWarmup; run < settings.Runs; run++)
        {
            var counted = run >= 0;
            var label = counted ? $"run {run + 1}" : $"warm-up {run + settings.SheetWarmup + 1}";

            // (a) registered beforehand, then one sheet: everyone else attended, a few excused and absent.
            var members = Draw(data.ActiveMemberIds, settings.Sheet, random);
            var activity = await PlanAsync(client, kind, today, $"Ngày thứ bảy tình nguyện – điểm danh {settings.Sheet} đoàn viên đã đăng ký ({label})");
            var (ms, answer) = await TimeAsync(() => client.PostAsJsonAsync($"/api/activities/activities/{activity}/participants", new { memberIds = members }));
            register.Record(ms, counted, Check(answer, settings.Sheet, 0, 0, 0, 0));
            var marks = members.Take(Excused).Select(m => new { memberId = m, attendance = "excused" })
                .Concat(members.Skip(Excused).Take(Absent).Select(m => new { memberId = m, attendance = "absent" })).ToList();
            (ms, answer) = await TimeAsync(() => client.PutAsJsonAsync($"/api/activities/activities/{activity}/attendance", new { everyoneElse = "attended", marks }));
            registered.Record(ms, counted, Check(answer, 0, settings.Sheet - Excused - Absent, Absent, Excused, 0));

            // (b) nobody registered: every member is in the marks, each a walk-in.
            members = Draw(data.ActiveMemberIds, settings.Sheet, random);
            activity = await PlanAsync(client, kind, today, $"Ngày thứ bảy tình nguyện – điểm danh {settings.Sheet} đoàn viên không đăng ký trước ({label})");
            (ms, answer) = await TimeAsync(() => client.PutAsJsonAsync($"/api/activities/activities/{activity}/attendance",
                new { everyoneElse = "attended", marks = members.Select(m => new { memberId = m, attendance = "attended" }) }));
            walkIns.Record(ms, counted, Check(answer, 0, settings.Sheet, 0, 0, settings.Sheet));
            Console.WriteLine($"    {label}: registration {register.Last:0} ms, sheet (a) {registered.Last:0} ms, sheet (b) {walkIns.Last:0} ms");
        }
        return
        [
            register.Figures($"(1) setup: registering {settings.Sheet} members for an activity, one request", "POST /api/activities/activities/{id}/participants", load),
            registered.Figures($"(1a) attendance of {settings.Sheet} registered: everyoneElse + {Excused + Absent} marks", "PUT /api/activities/activities/{id}/attendance", load),
            walkIns.Figures($"(1b) attendance of {settings.Sheet} unregistered: {settings.Sheet} marks (walk-ins)", "PUT /api/activities/activities/{id}/attendance", load),
        ];
    }

    private static async Task<Guid> PlanAsync(HttpClient client, string kind, DateOnly today, string title)
    {
        using var response = await client.PostAsJsonAsync("/api/activities/activities",
            new { title, organiserLevel = "bloc", kind, startsOn = today.ToString("yyyy-MM-dd"), place = "Hội trường Tỉnh đoàn Lạng Sơn" });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Planning an activity answered {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("id").GetGuid();
    }

    private static async Task<(double Ms, string Answer)> TimeAsync(Func<Task<HttpResponseMessage>> send)
    {
        var watch = Stopwatch.StartNew();
        using var response = await send();
        var body = await response.Content.ReadAsStringAsync();
        watch.Stop();
        return (watch.Elapsed.TotalMilliseconds, response.IsSuccessStatusCode ? body : $"{(int)response.StatusCode} {body[..Math.Min(body.Length, 400)]}");
    }

    /// <summary>Null when the answer holds the counts expected, else what was wrong.</summary>
    private static string? Check(string answer, int registered, int attended, int absent, int excused, int walkIns)
    {
        try
        {
            using var json = JsonDocument.Parse(answer);
            var r = json.RootElement;
            int Of(string name) => r.GetProperty(name).GetInt32();
            return (Of("registered"), Of("attended"), Of("absent"), Of("excused"), Of("walkIns")) == (registered, attended, absent, excused, walkIns)
                ? null : $"counts {answer}, expected registered {registered}, attended {attended}, absent {absent}, excused {excused}, walk-ins {walkIns}";
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return answer;
        }
    }

    private static Guid[] Draw(Guid[] from, int count, Random random)
    {
        var chosen = new HashSet<Guid>();
        while (chosen.Count < count) chosen.Add(from[random.Next(from.Length)]);
        return [.. chosen];
    }

    private sealed class Timings
    {
        private readonly List<double> _ms = [];
        private int _failures;
        private string? _firstFailure;

        public double Last { get; private set; } = double.NaN;

        /// <summary>Keeps a timing (a warm-up's is only shown), or counts a failure: <paramref name="wrong"/> says what was wrong.</summary>
        public void Record(double ms, bool counted, string? wrong)
        {
            Last = ms;
            if (wrong is null)
            {
                if (counted) _ms.Add(ms);
                return;
            }
            _failures++;
            _firstFailure ??= wrong;
            Console.WriteLine($"    failed: {wrong}");
        }

        public Figures Figures(string name, string path, string load) =>
            Bench.Figures.Of(name, path, _ms, _failures, _firstFailure ?? "counts as expected", load);
    }
}
