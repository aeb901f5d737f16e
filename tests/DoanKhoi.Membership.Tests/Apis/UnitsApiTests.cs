using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Files;
using DoanKhoi.Membership.Apis;
using DoanKhoi.Membership.Domain;
using DoanKhoi.Testing;

namespace DoanKhoi.Membership.Tests.Apis;

public class UnitsApiTests(MembershipApiFactory factory) : IClassFixture<MembershipApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = factory.CreateClient();

    public Task InitializeAsync() => factory.Database.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<ClusterResponse> CreateCluster(string code = "CUM-01", string name = "Cụm thi đua số 1")
    {
        var response = await _client.PostAsJsonAsync("/clusters", new { code, name });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadAsync<ClusterResponse>())!;
    }

    private async Task<UnitResponse> CreateUnit(Guid clusterId, string code, string name, string kind = "agency")
    {
        var response = await _client.PostAsJsonAsync("/units", new { code, name, kind, clusterId });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<UnitResponse>())!;
    }

    private Task<long> Count(string table) => factory.Database.ScalarAsync<long>($"SELECT count(*) FROM {table}");

    [Fact]
    public async Task Creating_a_unit_stores_it_in_NFC_answers_with_its_location_and_publishes_UnitCreated()
    {
        var cluster = await CreateCluster();
        var decomposed = "Đoàn Trường THPT Việt Bắc".Normalize(NormalizationForm.FormD);

        var response = await _client.PostAsJsonAsync("/units", new { code = "dt-thptvb", name = decomposed, kind = "School", clusterId = cluster.Id });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var unit = (await response.ReadAsync<UnitResponse>())!;
        Assert.Equal("Đoàn Trường THPT Việt Bắc", unit.Name);
        Assert.True(unit.Name.IsNormalized(NormalizationForm.FormC));
        Assert.Equal("DT-THPTVB", unit.Code);
        Assert.Equal(UnitKind.School, unit.Kind);
        Assert.Equal($"/units/{unit.Id}", response.Headers.Location!.AbsolutePath);

        var fetched = await _client.GetFromJsonAsync<UnitResponse>($"/units/{unit.Id}", ProblemAssertions.Json);
        Assert.Equal(unit with { CreatedAt = fetched!.CreatedAt }, fetched);

        Assert.True(await factory.PublishedAsync<UnitCreated>(e => e.Unit.UnitId == unit.Id
            && e.Unit.Name == "Đoàn Trường THPT Việt Bắc" && e.Unit.Version == 1));
    }

    [Fact]
    public async Task Search_ignores_diacritics_and_case_and_matches_every_word()
    {
        var cluster = await CreateCluster();
        await CreateUnit(cluster.Id, "DT-THPTVB", "Đoàn Trường THPT Việt Bắc", "school");
        await CreateUnit(cluster.Id, "DTN-SYT", "Đoàn Thanh niên Sở Y tế");
        await CreateUnit(cluster.Id, "CD-BLS", "Chi đoàn Báo Lạng Sơn");

        var found = await _client.GetFromJsonAsync<PagedList<UnitResponse>>("/units?q=doan%20truong", ProblemAssertions.Json);
        Assert.Equal(["Đoàn Trường THPT Việt Bắc"], found!.Items.Select(u => u.Name));

        var byUpperCaseWords = await _client.GetFromJsonAsync<PagedList<UnitResponse>>("/units?q=LANG%20SON%20chi", ProblemAssertions.Json);
        Assert.Equal(["Chi đoàn Báo Lạng Sơn"], byUpperCaseWords!.Items.Select(u => u.Name));

        var byCode = await _client.GetFromJsonAsync<PagedList<UnitResponse>>("/units?q=syt", ProblemAssertions.Json);
        Assert.Equal(["DTN-SYT"], byCode!.Items.Select(u => u.Code));

        var wildcardIsLiteral = await _client.GetFromJsonAsync<PagedList<UnitResponse>>("/units?q=%25", ProblemAssertions.Json);
        Assert.Empty(wildcardIsLiteral!.Items);
    }

    [Fact]
    public async Task Lists_filter_by_cluster_kind_and_status_and_page()
    {
        var one = await CreateCluster("CUM-01");
        var two = await CreateCluster("CUM-02", "Cụm thi đua số 2");
        await CreateUnit(one.Id, "U1", "Đoàn Thanh niên Sở Y tế");
        await CreateUnit(one.Id, "U2", "Đoàn Trường Cao đẳng Y tế", "school");
        var closed = await CreateUnit(two.Id, "U3", "Chi đoàn Bưu điện tỉnh", "enterprise");
        await _client.PostAsJsonAsync($"/units/{closed.Id}/close", new { reason = "Sáp nhập" });

        Assert.Equal(["U1", "U2"], (await List("/units?clusterId=" + one.Id)).Select(u => u.Code));
        Assert.Equal(["U2"], (await List("/units?kind=school")).Select(u => u.Code));
        Assert.Empty(await List("/units?clusterId=" + two.Id));
        Assert.Equal(["U3"], (await List($"/units?clusterId={two.Id}&status=closed")).Select(u => u.Code));
        Assert.Equal(3, (await List("/units?status=all")).Count);

        var page = await _client.GetFromJsonAsync<PagedList<UnitResponse>>("/units?status=all&pageSize=2&page=2", ProblemAssertions.Json);
        Assert.Equal(3, page!.Total);
        Assert.Single(page.Items);
    }

    [Fact]
    public async Task The_units_go_out_as_a_file_with_the_lists_filters_and_the_closing_in_words()
    {
        var one = await CreateCluster("CUM-01");
        var two = await CreateCluster("CUM-02", "Cụm thi đua số 2");
        await CreateUnit(two.Id, "U2", "Đoàn Thanh niên Sở Y tế");
        await CreateUnit(one.Id, "U1", "=Đoàn Trường Cao đẳng", "school");
        var closed = await CreateUnit(two.Id, "BD", "Chi đoàn Bưu điện tỉnh", "enterprise");
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsJsonAsync($"/units/{closed.Id}/close", new { reason = "Sáp nhập" })).StatusCode);

        var open = await Lines("/units/export?format=csv");
        var everything = await Lines("/units/export?format=csv&status=all&q=buu%20dien");

        Assert.Equal("Mã,Tên cơ sở Đoàn,Loại hình,Mã cụm,Cụm thi đua,Tình trạng,Ngày giải thể,Lý do", open[0]);
        // The open units only, as the list; a name a spreadsheet would run as a formula is only shown.
        Assert.Equal(3, open.Length);
        Assert.Contains("U2,Đoàn Thanh niên Sở Y tế,Cơ quan,CUM-02,Cụm thi đua số 2,Đang hoạt động,,", open);
        Assert.Contains("U1,'=Đoàn Trường Cao đẳng,Trường học,CUM-01,Cụm thi đua số 1,Đang hoạt động,,", open);
        var today = DoanKhoi.Text.VietnamTime.Today(TimeProvider.System);
        Assert.Equal([$"BD,Chi đoàn Bưu điện tỉnh,Doanh nghiệp,CUM-02,Cụm thi đua số 2,Đã giải thể,{today:dd/MM/yyyy},Sáp nhập"], everything[1..]);
        Assert.Equal(TableFile.XlsxContentType, (await _client.GetAsync("/units/export")).Content.Headers.ContentType?.MediaType);

        async Task<string[]> Lines(string url)
        {
            var response = await _client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        }
    }

    private async Task<IReadOnlyList<UnitResponse>> List(string url) =>
        (await _client.GetFromJsonAsync<PagedList<UnitResponse>>(url, ProblemAssertions.Json))!.Items;

    [Fact]
    public async Task A_search_text_or_a_page_beyond_what_the_API_description_states_is_refused_naming_it()
    {
        var longSearch = await (await _client.GetAsync("/units?q=" + new string('a', DoanKhoi.Text.VietnameseText.MaxQueryLength + 1)))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var farPage = await (await _client.GetAsync($"/units?page={Paging.MaxPage + 1}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var bigPage = await (await _client.GetAsync($"/units?pageSize={Paging.MaxPageSize + 1}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("at most 100", longSearch.FieldErrors("q").Single());
        Assert.Contains("1000000", farPage.FieldErrors("page").Single());
        Assert.Contains("200", bigPage.FieldErrors("pageSize").Single());
    }

    [Fact]
    public async Task A_problem_that_quotes_the_request_stays_within_the_lengths_the_API_description_states()
    {
        var field = new string('x', 5000);

        var response = await _client.PostAsync("/clusters", new StringContent($$"""{"code":"C1","name":"Cụm","{{field}}":"?"}""", Encoding.UTF8, "application/json"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var named = Assert.Single(problem.GetProperty("errors").EnumerateObject());
        Assert.InRange(named.Name.Length, 1, DoanKhoi.Problems.ProblemBounds.FieldMaxLength);
        Assert.All(named.Value.EnumerateArray(), m => Assert.InRange(m.GetString()!.Length, 1, DoanKhoi.Problems.ProblemBounds.MessageMaxLength));
        Assert.InRange(problem.GetProperty("detail").GetString()!.Length, 1, DoanKhoi.Problems.ProblemBounds.DetailMaxLength);
    }

    public static TheoryData<string, string, string> BadUnits => new()
    {
        { """{"code":"U1","kind":"agency","clusterId":"CLUSTER"}""", "name", "A name is required." },
        { $$"""{"code":"U1","name":"{{new string('x', 201)}}","kind":"agency","clusterId":"CLUSTER"}""", "name", "at most 200" },
        { """{"code":"U1","name":"Đoàn X","kind":"factory","clusterId":"CLUSTER"}""", "kind", "'factory' is not a unit kind" },
        { """{"code":"U1","name":"Đoàn X","kind":"agency"}""", "clusterId", "A cluster is required." },
        { """{"code":"U1","name":"Đoàn X","kind":"agency","clusterId":"0190d5a2-0000-7000-8000-000000000000"}""", "clusterId", "There is no cluster" },
        { """{"code":"U1","name":"Đoàn X","kind":"agency","clusterId":"not-a-guid"}""", "clusterId", "wrong type" },
        { """{"code":"U1","name":"Đoàn X",""", "body", "not valid JSON" },
        { """{"code":"Đ 1","name":"Đoàn X","kind":"agency","clusterId":"CLUSTER"}""", "code", "letters A-Z" },
    };

    [Theory]
    [MemberData(nameof(BadUnits))]
    public async Task Bad_input_is_refused_with_the_field_and_the_reason_and_nothing_is_written(string json, string field, string reason)
    {
        var cluster = await CreateCluster();

        var response = await _client.PostAsync("/units", new StringContent(json.Replace("CLUSTER", cluster.Id.ToString()), Encoding.UTF8, "application/json"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(reason, string.Join(" ", problem.FieldErrors(field)));
        Assert.Equal(0, await Count("units"));
        Assert.Equal(1, await Count("outbox_messages")); // the cluster's event only
    }

    [Fact]
    public async Task Every_invalid_field_is_reported_at_once()
    {
        var response = await _client.PostAsJsonAsync("/units", new { code = "", name = "", kind = "x" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "code", "name", "kind", "clusterId" }) Assert.NotEmpty(problem.FieldErrors(field));
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_refused_with_415()
    {
        var response = await _client.PostAsync("/units", new StringContent("code=U1", Encoding.UTF8, "application/x-www-form-urlencoded"));
        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_field_the_request_does_not_take_is_refused_not_ignored()
    {
        var one = await CreateCluster("CUM-01");
        var two = await CreateCluster("CUM-02", "Cụm thi đua số 2");
        var unit = await CreateUnit(one.Id, "U1", "Đoàn X");

        // A rename that also tries to move the unit and set its version.
        var response = await _client.PutAsJsonAsync($"/units/{unit.Id}/name", new { name = "Đoàn Y", clusterId = two.Id, version = 9 });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["'clusterId' cannot be set by this request."], problem.FieldErrors("clusterId"));
        var unchanged = await _client.GetFromJsonAsync<UnitResponse>($"/units/{unit.Id}", ProblemAssertions.Json);
        Assert.Equal(("Đoàn X", one.Id, 1), (unchanged!.Name, unchanged.ClusterId, unchanged.Version));
    }

    [Fact]
    public async Task An_unknown_unit_is_a_404_problem()
    {
        var id = Guid.NewGuid();
        var problem = await (await _client.GetAsync($"/units/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains(id.ToString(), problem.GetProperty("detail").GetString());
        await (await _client.PutAsJsonAsync($"/units/{id}/name", new { name = "X" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_duplicate_code_is_a_409_on_the_code_field_whatever_its_case()
    {
        var cluster = await CreateCluster();
        await CreateUnit(cluster.Id, "DTN-SYT", "Đoàn Thanh niên Sở Y tế");

        var response = await _client.PostAsJsonAsync("/units", new { code = "dtn-syt", name = "Khác", kind = "agency", clusterId = cluster.Id });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("DTN-SYT", problem.FieldErrors("code").Single());
        Assert.Equal(1, await Count("units"));
    }

    [Fact]
    public async Task Two_simultaneous_creations_with_one_code_leave_one_unit_and_one_conflict()
    {
        var cluster = await CreateCluster();
        var requests = Enumerable.Range(0, 6).Select(i =>
            _client.PostAsJsonAsync("/units", new { code = "SAME", name = $"Đơn vị {i}", kind = "agency", clusterId = cluster.Id }));

        var statuses = (await Task.WhenAll(requests)).Select(r => r.StatusCode).ToList();

        Assert.Single(statuses, HttpStatusCode.Created);
        Assert.All(statuses.Where(s => s != HttpStatusCode.Created), s => Assert.Equal(HttpStatusCode.Conflict, s));
        Assert.Equal(1, await Count("units"));
        Assert.Equal(2, await Count("outbox_messages")); // the cluster's event and the one unit's
    }

    [Fact]
    public async Task Renaming_moving_and_closing_are_published_and_kept_in_the_history()
    {
        var one = await CreateCluster("CUM-01");
        var two = await CreateCluster("CUM-02", "Cụm thi đua số 2");
        var unit = await CreateUnit(one.Id, "DTN-SYT", "Đoàn Thanh niên Sở Y tế");

        var renamed = await (await _client.PutAsJsonAsync($"/units/{unit.Id}/name", new { name = "Đoàn TN Sở Y tế" })).ReadAsync<UnitResponse>();
        var moved = await (await _client.PutAsJsonAsync($"/units/{unit.Id}/cluster", new { clusterId = two.Id })).ReadAsync<UnitResponse>();
        var closed = await (await _client.PostAsJsonAsync($"/units/{unit.Id}/close", new { closedOn = "2030-01-31", reason = "Sáp nhập" })).ReadAsync<UnitResponse>();

        Assert.Equal("Đoàn TN Sở Y tế", renamed!.Name);
        Assert.Equal(("CUM-02", 3), (moved!.ClusterCode, moved.Version));
        Assert.Equal((UnitStatus.Closed, new DateOnly(2030, 1, 31), "Sáp nhập"), (closed!.Status, closed.ClosedOn, closed.CloseReason));

        var history = (await _client.GetFromJsonAsync<PagedList<UnitHistoryResponse>>($"/units/{unit.Id}/history", ProblemAssertions.Json))!;
        Assert.Equal([UnitChange.Created, UnitChange.Renamed, UnitChange.Moved, UnitChange.Closed], history.Items.Select(h => h.Change));
        Assert.Equal(("Đoàn Thanh niên Sở Y tế", "Đoàn TN Sở Y tế"), (history.Items[1].From, history.Items[1].To));
        var secondPage = (await _client.GetFromJsonAsync<PagedList<UnitHistoryResponse>>($"/units/{unit.Id}/history?page=2&pageSize=3", ProblemAssertions.Json))!;
        Assert.Equal(4, secondPage.Total);
        Assert.Equal([UnitChange.Closed], secondPage.Items.Select(h => h.Change));

        Assert.True(await factory.PublishedAsync<UnitRenamed>(e => e.Unit.UnitId == unit.Id && e.PreviousName == "Đoàn Thanh niên Sở Y tế"));
        Assert.True(await factory.PublishedAsync<UnitMoved>(e => e.Unit.UnitId == unit.Id && e.PreviousClusterId == one.Id));
        Assert.True(await factory.PublishedAsync<UnitClosed>(e => e.Unit.UnitId == unit.Id && e.Unit.Version == 4));
    }

    [Fact]
    public async Task A_closed_unit_is_kept_but_cannot_change()
    {
        var cluster = await CreateCluster();
        var unit = await CreateUnit(cluster.Id, "U1", "Đoàn Thanh niên Sở Y tế");
        await _client.PostAsJsonAsync($"/units/{unit.Id}/close", new { });

        var problem = await (await _client.PutAsJsonAsync($"/units/{unit.Id}/name", new { name = "Khác" })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("closed", problem.GetProperty("detail").GetString());
        Assert.Equal(UnitStatus.Closed, (await _client.GetFromJsonAsync<UnitResponse>($"/units/{unit.Id}", ProblemAssertions.Json))!.Status);
        Assert.Equal("Đoàn Thanh niên Sở Y tế", await factory.Database.ScalarAsync<string>("SELECT name FROM units"));
    }

    [Fact]
    public async Task Moving_to_a_cluster_that_does_not_exist_is_refused_and_changes_nothing()
    {
        var cluster = await CreateCluster();
        var unit = await CreateUnit(cluster.Id, "U1", "Đoàn Thanh niên Sở Y tế");

        var problem = await (await _client.PutAsJsonAsync($"/units/{unit.Id}/cluster", new { clusterId = Guid.NewGuid() })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("There is no cluster", problem.FieldErrors("clusterId").Single());
        Assert.Equal(cluster.Id, (await _client.GetFromJsonAsync<UnitResponse>($"/units/{unit.Id}", ProblemAssertions.Json))!.ClusterId);
    }

    [Fact]
    public async Task Branches_belong_to_a_unit_and_their_names_are_unique_in_it()
    {
        var cluster = await CreateCluster();
        var unit = await CreateUnit(cluster.Id, "U1", "Đoàn Thanh niên Sở Y tế");

        Assert.Equal(HttpStatusCode.Created, (await _client.PostAsJsonAsync($"/units/{unit.Id}/branches", new { name = "Chi đoàn Văn phòng" })).StatusCode);
        await (await _client.PostAsJsonAsync($"/units/{unit.Id}/branches", new { name = "chi doàn văn phòng" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var branches = await _client.GetFromJsonAsync<List<BranchResponse>>($"/units/{unit.Id}/branches", ProblemAssertions.Json);
        Assert.Equal(["Chi đoàn Văn phòng"], branches!.Select(b => b.Name));
        var tree = await _client.GetFromJsonAsync<TreeResponse>("/tree", ProblemAssertions.Json);
        Assert.Equal("Chi đoàn Văn phòng", tree!.Clusters.Single().Units.Single().Branches.Single().Name);
    }

    [Fact]
    public async Task The_event_carries_the_trace_of_the_request_that_caused_it()
    {
        var cluster = await CreateCluster();
        var traceId = ActivityTraceId.CreateRandom();
        var request = new HttpRequestMessage(HttpMethod.Post, "/units")
        {
            Content = JsonContent.Create(new { code = "U1", name = "Đoàn X", kind = "agency", clusterId = cluster.Id }),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        Assert.Equal(HttpStatusCode.Created, (await _client.SendAsync(request)).StatusCode);

        var traceParent = await factory.Database.ScalarAsync<string>("SELECT trace_parent FROM outbox_messages WHERE message_type LIKE '%UnitCreated'");
        Assert.StartsWith($"00-{traceId}-", traceParent);
    }
}
