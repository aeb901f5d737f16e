using System.Net;
using System.Net.Http.Json;
using DoanKhoi.Activities.Apis;
using DoanKhoi.Contracts.Activities;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Security;
using DoanKhoi.Testing;

namespace DoanKhoi.Activities.Tests;

/// <summary>Who took part, recorded once: registrations, the attendance sheet in one step, self check-in
/// with the QR code's code, and a member's own activities, on activities' own copy of the members.</summary>
public class ParticipationsApiTests(ActivitiesApiFactory factory) : IClassFixture<ActivitiesApiFactory>, IAsyncLifetime
{
    private readonly MatrixBloc _bloc = new(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
    private readonly Guid _ha = Guid.CreateVersion7(), _lan = Guid.CreateVersion7(), _minh = Guid.CreateVersion7(), _left = Guid.CreateVersion7(), _ofB = Guid.CreateVersion7();

    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).ToString("yyyy-MM-dd");

    public async Task InitializeAsync()
    {
        _ = factory.Server;
        await factory.Database.ResetAsync();
        await _bloc.TellAsync(factory);
        foreach (var (id, name, unit, status) in new[]
                 {
                     (_ha, "Nguyễn Thị Hà", _bloc.UnitA, MemberStatus.Active), (_lan, "Hoàng Thị Lan", _bloc.UnitA, MemberStatus.Active),
                     (_minh, "Lương Văn Minh", _bloc.UnitA, MemberStatus.InTransfer), (_left, "Vi Văn Tùng", _bloc.UnitA, MemberStatus.Left),
                     (_ofB, "Đặng Thu Trang", _bloc.UnitB, MemberStatus.Active),
                 })
            await factory.DeliverAsync(new MemberRegistered
            {
                Member = new()
                {
                    MemberId = id, FullName = name, DateOfBirth = new DateOnly(2000, 5, 1), Gender = "female", UnitId = unit, Status = status,
                    PartyStatus = PartyStatus.None, IsCadre = false, JoinedUnionOn = new DateOnly(2015, 3, 26), Version = 1,
                },
                EffectiveOn = new DateOnly(2026, 1, 1), OccurredAt = DateTimeOffset.UtcNow,
            });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private HttpClient SecretaryOfA => factory.CreateClient().As(Post.OnUnit(_bloc.UnitA));

    private HttpClient MemberClient(Guid member) => factory.CreateClient().As(Post.OfMember(member));

    private async Task<Guid> PlanAsync(string startsOn, string organiserLevel = "unit")
    {
        var client = organiserLevel == "bloc" ? factory.CreateClient() : SecretaryOfA;
        var response = await client.PostAsJsonAsync("/activities", new
        {
            title = "Hiến máu tình nguyện", organiserLevel, organiserId = organiserLevel == "bloc" ? (Guid?)null : _bloc.UnitA, kind = "blood-donation", startsOn,
        });
        return (await response.EnsureSuccessStatusCode().ReadAsync<ActivityView>())!.Id;
    }

    private async Task<List<ParticipantView>> ParticipantsAsync(Guid activity) =>
        (await SecretaryOfA.GetFromJsonAsync<PagedList<ParticipantView>>($"/activities/{activity}/participants", ProblemAssertions.Json))!.Items.ToList();

    [Fact]
    public async Task A_member_registers_themselves_and_the_secretary_adds_others_but_nobody_twice()
    {
        var activity = await PlanAsync(Today);

        var self = await MemberClient(_ha).PostAsJsonAsync($"/activities/{activity}/participants", new { });
        var added = await SecretaryOfA.PostAsJsonAsync($"/activities/{activity}/participants", new { memberIds = new[] { _lan, _minh } });
        var twice = await SecretaryOfA.PostAsJsonAsync($"/activities/{activity}/participants", new { memberIds = new[] { _lan, _ha } });

        Assert.Equal(HttpStatusCode.OK, self.StatusCode);
        Assert.Equal(3, (await added.ReadAsync<AttendanceCounts>())!.Registered);
        var problem = await twice.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.ShouldNameFields("memberIds[0]");
        Assert.Contains("Hoàng Thị Lan", problem.GetProperty("detail").GetString());
        Assert.Equal(["Hoàng Thị Lan", "Lương Văn Minh", "Nguyễn Thị Hà"], (await ParticipantsAsync(activity)).Select(p => p.FullName));
        Assert.True(await factory.PublishedAsync<ParticipationChanged>(e => e.Participation.ActivityId == activity && e.Participation.MemberId == _ha
            && e.Participation.Attendance == Attendance.Registered && e.Participation.UnitId == _bloc.UnitA));
    }

    [Fact]
    public async Task A_member_who_left_or_belongs_to_a_unit_the_organiser_does_not_reach_is_refused_on_their_position()
    {
        var activity = await PlanAsync(Today);

        var left = await SecretaryOfA.PostAsJsonAsync($"/activities/{activity}/participants", new { memberIds = new[] { _ha, _left } });
        var other = await factory.CreateClient().PostAsJsonAsync($"/activities/{activity}/participants", new { memberIds = new[] { _ofB } });

        (await left.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity)).ShouldNameFields("memberIds[1]");
        var problem = await other.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Đặng Thu Trang", problem.GetProperty("detail").GetString());
        Assert.Empty(await ParticipantsAsync(activity));
    }

    [Fact]
    public async Task Everyone_registered_attended_except_those_marked_and_a_walk_in_is_added_in_the_same_step()
    {
        var activity = await PlanAsync(Today);
        await SecretaryOfA.PostAsJsonAsync($"/activities/{activity}/participants", new { memberIds = new[] { _ha, _lan } });

        var sheet = await SecretaryOfA.PutAsJsonAsync($"/activities/{activity}/attendance", new
        {
            everyoneElse = "attended",
            marks = new object[] { new { memberId = _lan, attendance = "excused" }, new { memberId = _minh, attendance = "attended" } },
        });

        Assert.Equal(HttpStatusCode.OK, sheet.StatusCode);
        Assert.Equal(new AttendanceCounts(0, 2, 0, 1, 1), await sheet.ReadAsync<AttendanceCounts>());
        var participants = (await ParticipantsAsync(activity)).ToDictionary(p => p.MemberId);
        Assert.Equal((Attendance.Attended, false), (participants[_ha].Attendance, participants[_ha].WalkIn));
        Assert.Equal(Attendance.Excused, participants[_lan].Attendance);
        Assert.Equal((Attendance.Attended, true), (participants[_minh].Attendance, participants[_minh].WalkIn));
    }

    [Fact]
    public async Task Attendance_on_a_cancelled_activity_or_before_it_starts_is_refused()
    {
        var cancelled = await PlanAsync(Today);
        (await SecretaryOfA.PostAsJsonAsync($"/activities/{cancelled}/cancellation", new { reason = "Hoãn" })).EnsureSuccessStatusCode();
        var later = await PlanAsync(DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)).ToString("yyyy-MM-dd"));

        var onCancelled = await SecretaryOfA.PutAsJsonAsync($"/activities/{cancelled}/attendance", new { everyoneElse = "attended" });
        var early = await SecretaryOfA.PutAsJsonAsync($"/activities/{later}/attendance", new { everyoneElse = "attended" });

        await onCancelled.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        await early.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task A_member_checks_in_with_the_QR_code_s_code_once_and_only_while_check_in_is_open()
    {
        var activity = await PlanAsync(Today, organiserLevel: "bloc");
        var ha = MemberClient(_ha);

        var closed = await ha.PostAsJsonAsync($"/activities/{activity}/check-ins", new { code = "anything" });
        var opened = (await (await factory.CreateClient().PutAsJsonAsync($"/activities/{activity}/check-in", new { open = true, hours = 2 }))
            .EnsureSuccessStatusCode().ReadAsync<CheckInView>())!;
        var wrong = await ha.PostAsJsonAsync($"/activities/{activity}/check-ins", new { code = "not-the-code" });
        var first = await ha.PostAsJsonAsync($"/activities/{activity}/check-ins", new { code = opened.Code });
        var again = await ha.PostAsJsonAsync($"/activities/{activity}/check-ins", new { code = opened.Code });
        var bySecretary = await SecretaryOfA.PostAsJsonAsync($"/activities/{activity}/check-ins", new { code = opened.Code });

        await closed.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        await wrong.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        var checkedIn = (await first.EnsureSuccessStatusCode().ReadAsync<ParticipantView>())!;
        Assert.Equal((Attendance.Attended, true), (checkedIn.Attendance, checkedIn.WalkIn));
        Assert.NotNull(checkedIn.CheckedInAt);
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await bySecretary.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await factory.CreateClient().PutAsJsonAsync($"/activities/{activity}/check-in", new { open = false })).EnsureSuccessStatusCode();
        await (await MemberClient(_lan).PostAsJsonAsync($"/activities/{activity}/check-ins", new { code = opened.Code })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task A_member_sees_their_own_activities_and_not_another_s_nor_the_whole_list()
    {
        var activity = await PlanAsync(Today);
        await MemberClient(_ha).PostAsJsonAsync($"/activities/{activity}/participants", new { });

        var own = await MemberClient(_ha).GetFromJsonAsync<PagedList<MemberParticipationView>>($"/members/{_ha}/participations", ProblemAssertions.Json);
        var bySecretary = await SecretaryOfA.GetFromJsonAsync<PagedList<MemberParticipationView>>($"/members/{_ha}/participations", ProblemAssertions.Json);
        var another = await MemberClient(_lan).GetAsync($"/members/{_ha}/participations");
        var list = await MemberClient(_ha).GetAsync($"/activities/{activity}/participants");
        var outside = await factory.CreateClient().As(Post.OnUnit(_bloc.UnitB)).GetAsync($"/members/{_ha}/participations");

        Assert.Equal([("Hiến máu tình nguyện", Attendance.Registered)], own!.Items.Select(p => (p.Title, p.Attendance)));
        Assert.Single(bySecretary!.Items);
        await another.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await list.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await outside.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_registration_is_withdrawn_before_the_activity_and_the_withdrawal_is_published()
    {
        var activity = await PlanAsync(Today);
        await MemberClient(_ha).PostAsJsonAsync($"/activities/{activity}/participants", new { });

        var withdrawn = await MemberClient(_ha).DeleteAsync($"/activities/{activity}/participants/{_ha}");

        Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
        Assert.Empty(await ParticipantsAsync(activity));
        Assert.True(await factory.PublishedAsync<ParticipationWithdrawn>(e => e.Participation.ActivityId == activity && e.Participation.MemberId == _ha));
    }

    [Fact]
    public async Task Check_in_opens_only_on_a_day_the_activity_runs()
    {
        var later = await PlanAsync(DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)).ToString("yyyy-MM-dd"));

        var problem = await (await SecretaryOfA.PutAsJsonAsync($"/activities/{later}/check-in", new { open = true, hours = 2 }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("Check-in opens on a day the activity runs", problem.GetProperty("detail").GetString());
    }
}
