using DoanKhoi.Text;
using NpgsqlTypes;

namespace DoanKhoi.Reporting.Bench;

/// <summary>Writes the generated tree into reporting's tables as its consumers would have from membership's
/// and activities' events: the copy of the clusters and units (version 1, open), each unit's cluster from its
/// creation (unit_cluster_records, as UnitCreated leaves it), its youth count at the start of 2023, its grade
/// for 2023, its quota of creative ideas and its ideas (most accepted during the year).</summary>
public static class OrganisationRows
{
    private static readonly string[] Agencies =
    [
        "Sở Tài chính", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Kế hoạch và Đầu tư", "Sở Tư pháp", "Kho bạc Nhà nước", "Cục Thuế", "Bảo hiểm xã hội",
        "Ngân hàng Nông nghiệp", "Điện lực", "Viễn thông", "Bệnh viện Đa khoa", "Trường Cao đẳng Sư phạm", "Cục Hải quan", "Sở Nội vụ", "Công ty Cấp thoát nước",
    ];

    public static async Task WriteAsync(string connectionString, NationalLayout layout, Random random, IdSequence ids)
    {
        await using (var connection = await BulkLoad.OpenAsync(connectionString))
        await using (var rows = await connection.BeginBinaryImportAsync("COPY clusters (id, code, name, version) FROM STDIN (FORMAT BINARY)"))
        {
            for (var c = 0; c < layout.Clusters; c++)
            {
                rows.StartRow();
                rows.Write(layout.ClusterIds[c], NpgsqlDbType.Uuid);
                rows.Write($"CTD{c + 1:0000}", NpgsqlDbType.Varchar);
                rows.Write($"Cụm thi đua số {c + 1}", NpgsqlDbType.Varchar);
                rows.Write(1, NpgsqlDbType.Integer);
            }
            await rows.CompleteAsync();
        }

        await using var unitConnection = await BulkLoad.OpenAsync(connectionString);
        await using var historyConnection = await BulkLoad.OpenAsync(connectionString);
        await using var youthConnection = await BulkLoad.OpenAsync(connectionString);
        await using var gradeConnection = await BulkLoad.OpenAsync(connectionString);
        await using var quotaConnection = await BulkLoad.OpenAsync(connectionString);
        await using var ideaConnection = await BulkLoad.OpenAsync(connectionString);
        await using var units = await unitConnection.BeginBinaryImportAsync(
            "COPY units (id, code, name, name_folded, kind, cluster_id, status, closed_on, version) FROM STDIN (FORMAT BINARY)");
        await using var history = await historyConnection.BeginBinaryImportAsync(
            "COPY unit_cluster_records (unit_id, version, cluster_id, from_day, closed_on) FROM STDIN (FORMAT BINARY)");
        await using var youths = await youthConnection.BeginBinaryImportAsync(
            "COPY youth_count_records (unit_id, counted_on, youths, version) FROM STDIN (FORMAT BINARY)");
        await using var grades = await gradeConnection.BeginBinaryImportAsync(
            "COPY unit_grade_records (unit_id, year, grade, version, effective_on) FROM STDIN (FORMAT BINARY)");
        await using var quotas = await quotaConnection.BeginBinaryImportAsync(
            "COPY idea_quota_records (year, unit_id, count, version) FROM STDIN (FORMAT BINARY)");
        await using var ideas = await ideaConnection.BeginBinaryImportAsync(
            "COPY idea_records (id, year, unit_id, title, status, version, counted_on) FROM STDIN (FORMAT BINARY)");
        for (var u = 0; u < layout.Units; u++)
        {
            var id = layout.UnitIds[u];
            var (kind, name) = random.NextDouble() switch
            {
                < 0.6 => ("Agency", $"Chi đoàn {Agencies[random.Next(Agencies.Length)]} số {u + 1}"),
                < 0.9 => ("Enterprise", $"Đoàn cơ sở Công ty số {u + 1}"),
                _ => ("School", $"Đoàn trường số {u + 1}"),
            };
            units.StartRow();
            units.Write(id, NpgsqlDbType.Uuid);
            units.Write($"CS{u + 1:000000}", NpgsqlDbType.Varchar);
            units.Write(name, NpgsqlDbType.Varchar);
            units.Write(VietnameseText.Fold(name), NpgsqlDbType.Varchar);
            units.Write(kind, NpgsqlDbType.Varchar);
            units.Write(layout.ClusterIds[layout.UnitCluster[u]], NpgsqlDbType.Uuid);
            units.Write("Open", NpgsqlDbType.Varchar);
            units.WriteNull();
            units.Write(1, NpgsqlDbType.Integer);

            history.StartRow();
            history.Write(id, NpgsqlDbType.Uuid);
            history.Write(1, NpgsqlDbType.Integer);
            history.Write(layout.ClusterIds[layout.UnitCluster[u]], NpgsqlDbType.Uuid);
            history.Write(DateOnly.MinValue, NpgsqlDbType.Date);
            history.WriteNull();

            youths.StartRow();
            youths.Write(id, NpgsqlDbType.Uuid);
            youths.Write(new DateOnly(2023, 1, 10).AddDays(random.Next(0, 20)), NpgsqlDbType.Date);
            youths.Write(random.Next(20, 10 * Math.Max(3, layout.MembersOf(u))), NpgsqlDbType.Integer);
            youths.Write(1, NpgsqlDbType.Integer);

            grades.StartRow();
            grades.Write(id, NpgsqlDbType.Uuid);
            grades.Write(2023, NpgsqlDbType.Integer);
            grades.Write(random.NextDouble() switch { < 0.2 => "Excellent", < 0.85 => "Good", < 0.98 => "Pass", _ => "Fail" }, NpgsqlDbType.Varchar);
            grades.Write(1, NpgsqlDbType.Integer);
            grades.Write(new DateOnly(2023, 12, 20), NpgsqlDbType.Date);

            var quota = random.NextDouble() switch { < 0.7 => 1, < 0.8 => 2, _ => 0 };
            if (quota > 0)
            {
                quotas.StartRow();
                quotas.Write(2023, NpgsqlDbType.Integer);
                quotas.Write(id, NpgsqlDbType.Uuid);
                quotas.Write(quota, NpgsqlDbType.Integer);
                quotas.Write(1, NpgsqlDbType.Integer);
            }
            for (var i = random.Next(0, 3); i > 0; i--)
            {
                var (status, version) = random.NextDouble() switch { < 0.6 => ("Accepted", 2), < 0.7 => ("Applied", 3), < 0.85 => ("Submitted", 1), _ => ("Rejected", 2) };
                ideas.StartRow();
                ideas.Write(ids.Next(), NpgsqlDbType.Uuid);
                ideas.Write(2023, NpgsqlDbType.Integer);
                ideas.Write(id, NpgsqlDbType.Uuid);
                ideas.Write($"Ý tưởng số {i} năm 2023 của {name}", NpgsqlDbType.Varchar);
                ideas.Write(status, NpgsqlDbType.Varchar);
                ideas.Write(version, NpgsqlDbType.Integer);
                ideas.WriteOrNull(status is "Accepted" or "Applied" ? new DateOnly(2023, 2, 1).AddDays(random.Next(0, 300)) : (DateOnly?)null);
            }
        }
        foreach (var rows in new[] { units, history, youths, grades, quotas, ideas }) await rows.CompleteAsync();
    }
}
