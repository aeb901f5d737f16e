using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DoanKhoi.Activities.Domain.Programme;
using DoanKhoi.Testing;

namespace DoanKhoi.Activities.Tests;

/// <summary>The year's programme is data: 2023's as the seed writes it, and a next year's file that adds a
/// kind is taken without a code change.</summary>
public class ProgrammeTests(ActivitiesApiFactory factory) : IClassFixture<ActivitiesApiFactory>
{
    private static readonly ProgrammeCatalogue Catalogue = ProgrammeCatalogue.Load(ProgrammeCatalogue.DefaultFolder);
    private static ProgrammeYear Year2023 => Catalogue.For(2023);

    [Fact]
    public void The_2023_programme_has_the_quantities_and_flags_the_targets_count()
    {
        Assert.Equal(2023, Year2023.Year);
        Assert.Equal(["trees-planted", "blood-units", "people-examined", "youths-counselled", "jobs-referred", "children-supported", "households-supported", "youths-reached"],
            Year2023.Quantities.Select(q => q.Code));
        Assert.Equal(["border-area", "new-rural-commune", "civilised-urban", "green-office", "social-security"], Year2023.Flags.Select(f => f.Code));
        Assert.Equal(Year2023.Flags.Select(f => f.Code), Year2023.Kind("youth-project")!.Flags);
        Assert.Equal(["blood-units", "youths-reached"], Year2023.Kind("blood-donation")!.Quantities);
        Assert.Contains(Year2023.Kind("digital-outreach")!.Subtypes, s => s.Code == "online-public-services");
        Assert.Empty(Year2023.Problems());
    }

    [Fact]
    public void The_2023_calendar_has_the_fifteen_big_activities_with_their_months()
    {
        Assert.Equal(Enumerable.Range(1, 15), Year2023.BigActivities.Select(b => b.Number));
        Assert.Equal([2], Year2023.BigActivity(2)!.Months);
        Assert.Equal([6, 7, 8], Year2023.BigActivity(7)!.Months);
        Assert.Equal(Enumerable.Range(1, 12), Year2023.BigActivity(14)!.Months);
        Assert.Contains("Phiên tòa giả định", Year2023.BigActivity(14)!.Title);
    }

    [Fact]
    public void Every_name_is_Vietnamese_in_NFC_and_fits_the_lengths_the_API_states()
    {
        var names = Year2023.Movements.SelectMany(m => m.Programmes.Select(p => p.Name).Append(m.Name))
            .Concat(Year2023.Kinds.Select(k => k.Name)).Concat(Year2023.Quantities.Select(q => q.Name)).Concat(Year2023.BigActivities.Select(b => b.Title));
        Assert.All(names, n =>
        {
            Assert.True(n.IsNormalized(NormalizationForm.FormC), n);
            Assert.InRange(n.Length, 1, ProgrammeYear.NameMaxLength);
        });
        Assert.All(Year2023.Kinds.Select(k => k.Code), c => Assert.InRange(c.Length, 1, ProgrammeYear.CodeMaxLength));
    }

    [Fact]
    public void A_next_year_file_adding_a_kind_is_taken_and_a_year_without_one_keeps_the_last_programme()
    {
        var folder = Directory.CreateTempSubdirectory("programme").FullName;
        try
        {
            var json = File.ReadAllText(Path.Combine(ProgrammeCatalogue.DefaultFolder, "programme-2023.json"));
            File.WriteAllText(Path.Combine(folder, "programme-2023.json"), json);
            var next = JsonSerializer.Deserialize<ProgrammeYear>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
            next = next with
            {
                Year = 2024,
                Kinds = [.. next.Kinds, new KindDefinition("river-cleaning", "Làm sạch dòng sông", "River cleaning", "volunteer-youth", ["youths-reached"], [], [])],
            };
            File.WriteAllText(Path.Combine(folder, "programme-2024.json"), JsonSerializer.Serialize(next, new JsonSerializerOptions(JsonSerializerDefaults.Web)));

            var catalogue = ProgrammeCatalogue.Load(folder);

            Assert.NotNull(catalogue.For(2024).Kind("river-cleaning"));
            Assert.NotNull(catalogue.For(2026).Kind("river-cleaning"));
            Assert.Null(catalogue.For(2023).Kind("river-cleaning"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_programme_that_uses_a_code_it_does_not_declare_is_refused_at_start()
    {
        var broken = Year2023 with { Kinds = [.. Year2023.Kinds, new KindDefinition("x", "X", "X", "no-such-movement", ["no-such-quantity"], [], [])] };

        var problems = broken.Problems();

        Assert.Contains(problems, p => p.Contains("no-such-movement"));
        Assert.Contains(problems, p => p.Contains("no-such-quantity"));
    }

    [Fact]
    public async Task Anyone_signed_in_reads_a_year_s_programme_and_a_later_year_gets_the_last_one_written()
    {
        var member = factory.CreateClient().As(DoanKhoi.Security.Post.OfMember(Guid.NewGuid()));

        var programme = await member.GetFromJsonAsync<JsonElement>("/programme?year=2023");
        var later = await member.GetFromJsonAsync<JsonElement>("/programme?year=2030");

        Assert.Equal(2023, programme.GetProperty("year").GetInt32());
        Assert.Equal(2023, later.GetProperty("year").GetInt32());
        Assert.Contains(programme.GetProperty("kinds").EnumerateArray(), k => k.GetProperty("code").GetString() == "mock-trial");
    }
}
