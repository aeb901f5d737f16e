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

        var office = await Factory.SignedInAsync(IdentityApiFactory.BlocOffice);
        Clients[Who.BlocOffice] = office;
        var posts = new Dictionary<Who, Post>
        {
            [Who.StandingCommittee] = Post.Bloc(Role.StandingCommittee),
            [Who.InspectionCommittee] = Post.Bloc(Role.InspectionCommittee),
            [Who.LeadOfA] = Post.OnCluster(bloc.ClusterA),
            [Who.SecretaryOfA] = Post.OnUnit(bloc.UnitA),
            [Who.SecretaryOfBranchInA] = Post.OnBranch(bloc.BranchA),
            [Who.Member] = Post.OfMember(Guid.NewGuid()),
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
    public async Task Only_the_bloc_office_keeps_accounts_a_read_only_system_may_read_them_and_everyone_reads_their_own(Who who)
    {
        var client = accounts.Clients[who];
        var id = accounts.SomeAccount;

        var statuses = new[]
        {
            (await client.GetAsync("/me")).StatusCode,
            (await client.GetAsync("/accounts")).StatusCode,
            (await client.GetAsync($"/accounts/{id}")).StatusCode,
            (await client.GetAsync("/audit")).StatusCode,
            (await client.PostAsJsonAsync("/accounts", new { userName = $"new.{who}".ToLowerInvariant(), displayName = "Mới", password = "matrix2026x", posts = Array.Empty<string>() })).StatusCode,
            (await client.PutAsJsonAsync($"/accounts/{id}/posts", new { posts = new[] { $"member@member:{Guid.NewGuid()}" } })).StatusCode,
            (await client.PostAsync($"/accounts/{id}/unlock", null)).StatusCode,
        };

        const HttpStatusCode ok = HttpStatusCode.OK, no = HttpStatusCode.Forbidden;
        HttpStatusCode[] expected = who switch
        {
            Who.BlocOffice => [ok, ok, ok, ok, HttpStatusCode.Created, ok, ok],
            Who.ReadOnlySystem => [ok, ok, ok, ok, no, no, no],
            _ => [ok, no, no, no, no, no, no],
        };
        Assert.Equal(expected, statuses);
    }
}
