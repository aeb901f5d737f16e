using DoanKhoi.Contracts.Activities;
using DoanKhoi.Testing;

namespace DoanKhoi.Reporting.Tests;

/// <summary>Reporting keeps what activities publishes, to count the targets from: the newest state of each
/// activity, participation and idea, whatever the order, each message applied once.</summary>
public class ActivityFactsTests(ReportingApiFactory factory) : IClassFixture<ReportingApiFactory>, IAsyncLifetime
{
    private static readonly Guid Unit = Guid.CreateVersion7();

    public async Task InitializeAsync()
    {
        _ = factory.Server;
        await factory.Database.ResetAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static ActivitySnapshot Activity(Guid id, int version, ActivityStatus status, int trees = 0) => new()
    {
        ActivityId = id, Title = "Ra quân Tết trồng cây", Year = 2023, Movement = "volunteer-youth", Kind = "tree-planting",
        OrganiserLevel = OrganiserLevel.Unit, OrganiserId = Unit, StartsOn = new DateOnly(2023, 2, 12), EndsOn = new DateOnly(2023, 2, 12),
        Status = status, Quantities = trees > 0 ? new Dictionary<string, int> { ["trees-planted"] = trees } : new Dictionary<string, int>(), Version = version,
    };

    private static ParticipationSnapshot Participation(Guid id, Guid activity, int version, Attendance attendance) => new()
    {
        ParticipationId = id, ActivityId = activity, MemberId = Guid.CreateVersion7(), UnitId = Unit, Attendance = attendance, WalkIn = false, Version = version,
    };

    private Task<string> Scalar(string sql) => factory.Database.ScalarAsync<string>(sql)!;

    [Fact]
    public async Task An_activity_held_before_its_planning_arrived_stays_held_with_its_quantities()
    {
        var id = Guid.CreateVersion7();

        await factory.DeliverAsync(new ActivityHeld { Activity = Activity(id, 2, ActivityStatus.Held, trees: 450), OccurredAt = DateTimeOffset.UtcNow });
        await factory.DeliverAsync(new ActivityPlanned { Activity = Activity(id, 1, ActivityStatus.Planned), OccurredAt = DateTimeOffset.UtcNow });

        Assert.Equal("Held/2/450", await Scalar($"SELECT status || '/' || version || '/' || (quantities->>'trees-planted') FROM activity_records WHERE id = '{id}'"));
    }

    [Fact]
    public async Task A_withdrawn_registration_stays_withdrawn_when_its_registration_arrives_late_and_a_replay_changes_nothing()
    {
        var activity = Guid.CreateVersion7();
        var id = Guid.CreateVersion7();
        var messageId = Guid.NewGuid();
        var marked = new ParticipationChanged { Participation = Participation(id, activity, 2, Attendance.Attended), OccurredAt = DateTimeOffset.UtcNow };

        await factory.DeliverAsync(new ParticipationWithdrawn { Participation = Participation(id, activity, 1, Attendance.Registered), OccurredAt = DateTimeOffset.UtcNow });
        await factory.DeliverAsync(new ParticipationChanged { Participation = Participation(id, activity, 1, Attendance.Registered), OccurredAt = DateTimeOffset.UtcNow });
        Assert.Equal("Registered/1/true", await Scalar($"SELECT attendance || '/' || version || '/' || withdrawn FROM participation_records WHERE id = '{id}'"));

        await factory.DeliverAsync(marked, messageId);
        await factory.DeliverAsync(marked, messageId);
        Assert.Equal("Attended/2/false", await Scalar($"SELECT attendance || '/' || version || '/' || withdrawn FROM participation_records WHERE id = '{id}'"));
        Assert.Equal(1, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM inbox_messages WHERE message_id = '{messageId}'"));
    }

    [Fact]
    public async Task An_idea_s_review_is_kept_whatever_the_order()
    {
        var id = Guid.CreateVersion7();
        IdeaSnapshot Idea(int version, IdeaStatus status) => new()
        {
            IdeaId = id, Year = 2023, UnitId = Unit, Title = "Số hóa hồ sơ", Field = "union-work", Link = "https://ytuongsangtao.net/y-tuong/1", Status = status, Version = version,
        };

        await factory.DeliverAsync(new IdeaChanged { Idea = Idea(2, IdeaStatus.Accepted), OccurredAt = DateTimeOffset.UtcNow });
        await factory.DeliverAsync(new IdeaChanged { Idea = Idea(1, IdeaStatus.Submitted), OccurredAt = DateTimeOffset.UtcNow });

        Assert.Equal("Accepted/2", await Scalar($"SELECT status || '/' || version FROM idea_records WHERE id = '{id}'"));
    }
}
