using System.Net;
using System.Net.Http.Json;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Security;
using DoanKhoi.Testing;

namespace DoanKhoi.Activities.Tests;

/// <summary>Activities' own copy of the members, kept from membership's events: no call to membership on
/// the request path, the newest state whatever the order, each message applied once.</summary>
public class MemberCopyTests(ActivitiesApiFactory factory) : IClassFixture<ActivitiesApiFactory>, IAsyncLifetime
{
    private readonly MatrixBloc _bloc = new(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());

    public async Task InitializeAsync()
    {
        _ = factory.Server;
        await factory.Database.ResetAsync();
        await _bloc.TellAsync(factory);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private MemberSnapshot Member(Guid id, Guid unit, int version, MemberStatus status = MemberStatus.Active) => new()
    {
        MemberId = id, FullName = "Nguyễn Thị Hà", DateOfBirth = new DateOnly(2000, 5, 1), Gender = "female", UnitId = unit, Status = status,
        PartyStatus = PartyStatus.None, IsCadre = false, JoinedUnionOn = new DateOnly(2015, 3, 26), Version = version,
    };

    private async Task<HttpStatusCode> SecretaryOfSees(Guid unit, Guid member) =>
        (await factory.CreateClient().As(Post.OnUnit(unit)).GetAsync($"/members/{member}/participations")).StatusCode;

    [Fact]
    public async Task A_member_transferred_before_their_registration_arrived_belongs_to_the_new_unit()
    {
        var id = Guid.CreateVersion7();

        await factory.DeliverAsync(new MemberTransferred
        {
            Member = Member(id, _bloc.UnitB, 2), TransferId = Guid.NewGuid(), FromUnitId = _bloc.UnitA, EffectiveOn = new DateOnly(2026, 3, 1), OccurredAt = DateTimeOffset.UtcNow,
        });
        await factory.DeliverAsync(new MemberRegistered { Member = Member(id, _bloc.UnitA, 1), EffectiveOn = new DateOnly(2026, 1, 1), OccurredAt = DateTimeOffset.UtcNow });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotFound), (await SecretaryOfSees(_bloc.UnitB, id), await SecretaryOfSees(_bloc.UnitA, id)));
    }

    [Fact]
    public async Task A_member_event_delivered_twice_is_recorded_once()
    {
        var id = Guid.CreateVersion7();
        var messageId = Guid.NewGuid();
        var left = new MemberLeft { Member = Member(id, _bloc.UnitA, 2, MemberStatus.Left), Reason = "movedAway", EffectiveOn = new DateOnly(2026, 6, 1), OccurredAt = DateTimeOffset.UtcNow };
        await factory.DeliverAsync(new MemberRegistered { Member = Member(id, _bloc.UnitA, 1), EffectiveOn = new DateOnly(2026, 1, 1), OccurredAt = DateTimeOffset.UtcNow });

        await factory.DeliverAsync(left, messageId);
        await factory.DeliverAsync(left, messageId);

        Assert.Equal(2, factory.Deliveries.Count(messageId));
        Assert.Equal(1, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM inbox_messages WHERE message_id = '{messageId}'"));
        Assert.Equal(("Left", 2), (await factory.Database.ScalarAsync<string>($"SELECT status FROM members WHERE id = '{id}'"),
            await factory.Database.ScalarAsync<int>($"SELECT version FROM members WHERE id = '{id}'")));
    }
}
