using DoanKhoi.Contracts.Activities;

namespace DoanKhoi.Reporting.Bench;

/// <summary>The events the latency scenario publishes, as the activities service would: a unit's new tree
/// planting held with the trees it planted (the timed ones, each in a unit kept for them, so that the board
/// of that unit grows by exactly those trees), and around them, in the other units, activities of every kind
/// held with their quantities and members marked attended in their unit's held activities (an attendance
/// sheet's events).</summary>
public sealed class EventStream(GeneratedData data, HashSet<int> reserved, Random random)
{
    private readonly ProgrammeKind _treePlanting = data.Kinds.FirstOrDefault(k => k.Code == "tree-planting")
        ?? throw new InvalidOperationException("The 2023 programme has no tree-planting kind.");
    private readonly ProgrammeKind[] _recording = data.Kinds.Where(k => k.Quantities.Length > 0).ToArray();

    /// <summary>A tree planting held by unit number <paramref name="unit"/>, with <paramref name="trees"/> trees.</summary>
    public ActivityHeld TreePlanting(int unit, int trees) =>
        Held(_treePlanting, unit, new Dictionary<string, int> { ["trees-planted"] = trees, ["youths-reached"] = random.Next(5, 100) });

    /// <summary>An event of another unit: half of them an activity held, half a member marked attended.</summary>
    public object Background()
    {
        var layout = data.Layout;
        for (var attempt = 0; ; attempt++)
        {
            var unit = random.Next(layout.Units);
            if (reserved.Contains(unit) && attempt < 100) continue;
            if (random.NextDouble() < 0.5)
            {
                var kind = _recording[random.Next(_recording.Length)];
                return Held(kind, unit, ActivityRows.Quantities(kind, random));
            }
            var (first, last) = (data.Activities.UnitActivityStart[unit], data.Activities.UnitActivityStart[unit + 1]);
            var members = layout.MembersOf(unit);
            if (last == first || members == 0) continue;
            var activity = data.Activities.UnitActivities[first + random.Next(last - first)];
            if (!data.Activities.Held[activity] && attempt < 100) continue;
            return new ParticipationChanged
            {
                Participation = new ParticipationSnapshot
                {
                    ParticipationId = Guid.CreateVersion7(),
                    ActivityId = data.Activities.ActivityIds[activity],
                    MemberId = data.MemberIds[layout.MemberStart[unit] + random.Next(members)],
                    UnitId = layout.UnitIds[unit],
                    Attendance = Attendance.Attended,
                    WalkIn = true,
                    Version = 2,
                },
                OccurredAt = DateTimeOffset.UtcNow,
            };
        }
    }

    private ActivityHeld Held(ProgrammeKind kind, int unit, Dictionary<string, int> quantities)
    {
        var day = new DateOnly(2023, 1, 1).AddDays(random.Next(0, 365));
        return new ActivityHeld
        {
            Activity = new ActivitySnapshot
            {
                ActivityId = Guid.CreateVersion7(),
                Title = $"{kind.Name} – đơn vị CS{unit + 1:000000} (benchmark)",
                Year = 2023,
                Movement = kind.Movement,
                Kind = kind.Code,
                OrganiserLevel = OrganiserLevel.Unit,
                OrganiserId = data.Layout.UnitIds[unit],
                StartsOn = day,
                EndsOn = day,
                Status = ActivityStatus.Held,
                Quantities = quantities,
                Flags = ActivityRows.Flags(kind, random),
                Version = 2,
            },
            OccurredAt = DateTimeOffset.UtcNow,
        };
    }
}
