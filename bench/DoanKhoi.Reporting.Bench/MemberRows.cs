using DoanKhoi.Membership.Bench;
using Npgsql;
using NpgsqlTypes;

namespace DoanKhoi.Reporting.Bench;

/// <summary>Writes the generated members into reporting's tables as its consumers would have from
/// membership's events: the member copy (name, unit, newest status), every state with the day it took effect
/// (joined; left or matured for a few, during 2023), the admission of those who joined in 2023 and a few Party
/// recommendations (milestones), and the 2023 grade of those still on the rolls at the year's end.</summary>
public static class MemberRows
{
    public static readonly DateOnly YearStart = new(2023, 1, 1);
    public static readonly DateOnly YearEnd = new(2023, 12, 31);

    /// <summary>Returns the members' ids, by member number.</summary>
    public static async Task<Guid[]> WriteAsync(string connectionString, NationalLayout layout, Random random, IdSequence ids)
    {
        var memberIds = new Guid[layout.Members];
        var people = new People(random, YearEnd);
        await using var memberConnection = await BulkLoad.OpenAsync(connectionString);
        await using var stateConnection = await BulkLoad.OpenAsync(connectionString);
        await using var milestoneConnection = await BulkLoad.OpenAsync(connectionString);
        await using var gradeConnection = await BulkLoad.OpenAsync(connectionString);
        await using var members = await memberConnection.BeginBinaryImportAsync(
            "COPY members (id, full_name, full_name_folded, unit_id, branch_id, status, version) FROM STDIN (FORMAT BINARY)");
        await using var states = await stateConnection.BeginBinaryImportAsync(
            "COPY member_state_records (member_id, version, unit_id, status, effective_on) FROM STDIN (FORMAT BINARY)");
        await using var milestones = await milestoneConnection.BeginBinaryImportAsync(
            "COPY milestone_records (member_id, milestone, unit_id, effective_on) FROM STDIN (FORMAT BINARY)");
        await using var grades = await gradeConnection.BeginBinaryImportAsync(
            "COPY member_grade_records (member_id, year, unit_id, grade, version, effective_on) FROM STDIN (FORMAT BINARY)");
        for (var u = 0; u < layout.Units; u++)
        {
            var unit = layout.UnitIds[u];
            for (var n = layout.MemberStart[u]; n < layout.MemberStart[u + 1]; n++)
            {
                var id = memberIds[n] = ids.Next();
                var p = people.Next((int)n);
                var left = p.LeftOn is { } leftOn && p.Status != "Active" ? leftOn : (DateOnly?)null;
                members.StartRow();
                members.Write(id, NpgsqlDbType.Uuid);
                members.Write(p.Name, NpgsqlDbType.Varchar);
                members.Write(p.Folded, NpgsqlDbType.Varchar);
                members.Write(unit, NpgsqlDbType.Uuid);
                members.WriteNull();
                members.Write(left is null ? "Active" : p.Status, NpgsqlDbType.Varchar);
                members.Write(left is null ? 1 : 2, NpgsqlDbType.Integer);

                State(states, id, 1, unit, "Active", p.Joined);
                if (left is { } day) State(states, id, 2, unit, p.Status, day);

                if (p.Joined >= YearStart) Milestone(milestones, id, "Admitted", unit, p.Joined);
                if (left is null && random.NextDouble() < 0.015) Milestone(milestones, id, "RecommendedToParty", unit, YearStart.AddDays(random.Next(0, 365)));

                if (left is not null) continue;
                grades.StartRow();
                grades.Write(id, NpgsqlDbType.Uuid);
                grades.Write(2023, NpgsqlDbType.Integer);
                grades.Write(unit, NpgsqlDbType.Uuid);
                grades.Write(random.NextDouble() switch { < 0.4 => "Excellent", < 0.85 => "Good", < 0.98 => "Pass", _ => "Fail" }, NpgsqlDbType.Varchar);
                grades.Write(1, NpgsqlDbType.Integer);
                grades.Write(new DateOnly(2023, 12, 15), NpgsqlDbType.Date);
            }
            if (u % 10_000 == 9_999) Console.WriteLine($"    members of {u + 1:N0} units written ({layout.MemberStart[u + 1]:N0})");
        }
        foreach (var rows in new[] { members, states, milestones, grades }) await rows.CompleteAsync();
        return memberIds;
    }

    private static void State(NpgsqlBinaryImporter rows, Guid member, int version, Guid unit, string status, DateOnly on)
    {
        rows.StartRow();
        rows.Write(member, NpgsqlDbType.Uuid);
        rows.Write(version, NpgsqlDbType.Integer);
        rows.Write(unit, NpgsqlDbType.Uuid);
        rows.Write(status, NpgsqlDbType.Varchar);
        rows.Write(on, NpgsqlDbType.Date);
    }

    private static void Milestone(NpgsqlBinaryImporter rows, Guid member, string milestone, Guid unit, DateOnly on)
    {
        rows.StartRow();
        rows.Write(member, NpgsqlDbType.Uuid);
        rows.Write(milestone, NpgsqlDbType.Varchar);
        rows.Write(unit, NpgsqlDbType.Uuid);
        rows.Write(on, NpgsqlDbType.Date);
    }
}
