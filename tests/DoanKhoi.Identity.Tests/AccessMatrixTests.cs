using System.Net;
using System.Net.Http.Json;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Security;
using DoanKhoi.Testing;

namespace DoanKhoi.Identity.Tests;

/// <summary>One signed-in account for each post of the matrix (real tokens), and the read-only system.</summary>
public sealed class MatrixAccounts : IAsyncLifetime
{
    public IdentityApiFactory Factory { get; } = new();
    public Dictionary<Who, HttpClient> Clients { get; } = [];
    public Guid SomeAccount { get; private set; }

    /// <summary>A member of unit A who holds the member post of the matrix's member account.</summary>
    public Guid MemberOfA { get; private set; }

    /// <summary>A member of unit A without an account yet: every post that may tries to give them one.</summary>
    public Guid NewMemberOfA { get; private set; }

    public Guid UnitA { get; private set; }

    public async Task InitializeAsync()
    {
        await Factory.InitializeAsync();
        _ = Factory.Server;
        var bloc = new MatrixBloc(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var now = DateTimeOffset.UtcNow;
        await Factory.DeliverAsync(new ClusterCreated { Cluster = new() { ClusterId = bloc.ClusterA, Code = "CUM-A", Name = "Cụm A", Version = 1 }, OccurredAt = now });
        await Factory.DeliverAsync(new UnitCreated
        {
            Unit = new() { UnitId = bloc.UnitA, Code = "UA", Name = "Đoàn A", Kind = UnitKind.Agency, ClusterId = bloc.ClusterA, Status = UnitStatus.Open, Version = 1 },
            OccurredAt = now,
        });
        await Factory.DeliverAsync(new BranchCreated { Branch = new() { BranchId = bloc.BranchA, UnitId = bloc.UnitA, Name = "Chi đoàn 1", Version = 1 }, OccurredAt = now });
        UnitA = bloc.UnitA;
        MemberOfA = await Factory.KnownMemberAsync(bloc.UnitA, "Lộc Thị Hương");
        NewMemberOfA = await Factory.KnownMemberAsync(bloc.UnitA, "Hoàng Văn Tú");

        var office = await Factory.SignedInAsync(IdentityApiFactory.BlocOffice);
        Clients[Who.BlocOffice] = office;
        var posts = new Dictionary<Who, Post>
        {
            [Who.StandingCommittee] = Post.Bloc(Role.StandingCommittee),
            [Who.InspectionCommittee] = Post.Bloc(Role.InspectionCommittee),
            [Who.LeadOfA] = Post.OnCluster(bloc.ClusterA),
            [Who.SecretaryOfA] = Post.OnUnit(bloc.UnitA),
            [Who.SecretaryOfBranchInA] = Post.OnBranch(bloc.BranchA),
            [Who.Member] = Post.OfMember(MemberOfA),
        };
        foreach (var (who, post) in posts)
        {
            var userName = who.ToString().ToLowerInvariant();
            var created = await office.PostAsJsonAsync("/accounts", new { userName, displayName = who.ToString(), password = "matrix2026x", posts = new[] { post.ToString() } });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            SomeAccount = (await created.Content.ReadFromJsonAsync<Apis.AccountResponse>())!.Id;
            Clients[who] = await Factory.SignedInAsync(userName, "matrix2026x");
        }
        var system = await Factory.Flow().ClientCredentialsAsync(IdentityApiFactory.SystemClient, IdentityApiFactory.SystemSecret, Scopes.Read);
        Clients[Who.ReadOnlySystem] = Factory.CreateClient().As(system.AccessToken!);
    }

    async Task IAsyncLifetime.DisposeAsync() => await ((IAsyncLifetime)Factory).DisposeAsync();
}

/// <summary>Accounts are the bloc office's to keep: each post against each endpoint of identity's API.</summary>
public class AccessMatrixTests(MatrixAccounts accounts) : IClassFixture<MatrixAccounts>
{
    [Theory]
    [MemberData(nameof(MatrixBloc.Everyone), MemberType = typeof(MatrixBloc))]
    public async Task Only_the_bloc_office_keeps_accounts_a_read_only_system_may_read_them_and_everyone_reads_their_own_and_a_unit_s_secretary_gives_its_members_theirs(Who who)
    {
        var client = accounts.Clients[who];
        var id = accounts.SomeAccount;

        var statuses = new[]
        {
            (await client.GetAsync("/me")).StatusCode,
            (await client.GetAsync("/accounts")).StatusCode,
            (await client.GetAsync($"/accounts/{id}")).StatusCode,
            (await client.GetAsync("/audit")).StatusCode,
            (await client.GetAsync("/accounts/export?format=csv")).StatusCode,
            (await client.GetAsync("/audit/export?format=csv")).StatusCode,
            (await client.PostAsJsonAsync("/accounts", new { userName = $"new.{who}".ToLowerInvariant(), displayName = "Mới", password = "matrix2026x", posts = Array.Empty<string>() })).StatusCode,
            (await client.PutAsJsonAsync($"/accounts/{id}/posts", new { posts = new[] { $"member@member:{accounts.MemberOfA}" } })).StatusCode,
            (await client.PostAsync($"/accounts/{id}/unlock", null)).StatusCode,
            (await client.GetAsync($"/member-accounts?unitId={accounts.UnitA}")).StatusCode,
            (await client.PostAsJsonAsync("/member-accounts", new { memberIds = new[] { accounts.NewMemberOfA } })).StatusCode,
            (await client.PostAsJsonAsync("/member-accounts/print", new { unitId = accounts.UnitA })).StatusCode,
            // Last: it revokes the row's own tokens.
            (await client.PostAsync("/me/sign-out-everywhere", null)).StatusCode,
        };

        const HttpStatusCode ok = HttpStatusCode.OK, no = HttpStatusCode.Forbidden, done = HttpStatusCode.NoContent;
        HttpStatusCode[] expected = who switch
        {
            Who.BlocOffice => [ok, ok, ok, ok, ok, ok, HttpStatusCode.Created, ok, ok, ok, ok, ok, done],
            Who.SecretaryOfA => [ok, no, no, no, no, no, no, no, no, ok, ok, ok, done],
            Who.ReadOnlySystem => [ok, ok, ok, ok, ok, ok, no, no, no, ok, no, no, no],
            _ => [ok, no, no, no, no, no, no, no, no, no, no, no, done],
        };
        Assert.Equal(expected, statuses);
    }
}
