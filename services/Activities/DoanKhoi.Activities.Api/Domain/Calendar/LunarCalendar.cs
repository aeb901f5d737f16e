using System.Globalization;

namespace DoanKhoi.Activities.Domain.Calendar;

/// <summary>
/// A day of the Vietnamese lunisolar calendar (âm lịch). <paramref name="IsLeapMonth"/> marks the leap month
/// (tháng nhuận), which repeats the number of the month before it.
/// </summary>
/// <param name="Year">The lunar year; it starts at Tết, so late January or February of the same solar year.</param>
/// <param name="Month">The lunar month, 1 to 12.</param>
/// <param name="Day">The day of the lunar month, 1 to 29 or 30.</param>
/// <param name="IsLeapMonth">Whether the month is the year's leap month.</param>
public readonly record struct LunarDate(int Year, int Month, int Day, bool IsLeapMonth)
{
    /// <summary>Day first, as Vietnamese calendars print it: "15/08/2023", or "01/02/2023 (nhuận)" in a leap month.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Day:00}/{Month:00}/{Year}{(IsLeapMonth ? " (nhuận)" : "")}");
}

/// <summary>
/// Converts between the Gregorian and the Vietnamese lunisolar calendar (âm lịch), which fixes Tết, Trung Thu and
/// the other days Vietnamese organisations keep by the moon.
/// </summary>
/// <remarks>
/// Vietnam reckons the calendar at UTC+7, China at UTC+8. A new moon between 16:00 and 17:00 UTC therefore starts
/// the month a day earlier in Vietnam, and a new moon or major solar term near midnight can move month 11 or the leap
/// month and so shift a whole month: Tết 2007 was 17/02 in Vietnam and 18/02 in China, Tết 1985 21/01 and 20/02.
/// .NET's <see cref="ChineseLunisolarCalendar"/> is the Chinese calendar, so it is not used here.
/// <para>
/// The method is Hồ Ngọc Đức's: new moons and the sun's longitude from Jean Meeus' formulas, evaluated at UTC+7;
/// a month runs from the day of one new moon to the day before the next; month 11 is the month containing the winter
/// solstice; and when 13 months lie between two months 11, the first of them without a major solar term (trung khí)
/// is the leap month. Supported are lunar years <see cref="MinYear"/> to <see cref="MaxYear"/>.
/// </para>
/// <para>
/// It gives the month starts of Hồ Ngọc Đức's published tables for 1968 to 2053; a handful later, where a new moon
/// falls within minutes of midnight, may be a day off. Until 1967 (the South until 1975) Vietnam's calendar followed
/// UTC+8, so calendars printed then can differ by a day from these UTC+7 dates.
/// </para>
/// </remarks>
public static class LunarCalendar
{
    /// <summary>The first lunar year supported; its Tết is 25/01/1800.</summary>
    public const int MinYear = 1800;

    /// <summary>The last lunar year supported; it ends the day before Tết 2200.</summary>
    public const int MaxYear = 2199;

    const double TimeZoneHours = 7;
    const double SynodicMonth = 29.530588853;
    const double NewMoonOf1900 = 2415021.076998695; // Julian day of the new moon of 1 January 1900 (k = 0).
    const int JulianDayOfDayNumberZero = 1721426; // 1 January 0001, proleptic Gregorian.
    const double Degree = Math.PI / 180;

    static readonly DateOnly FirstDay = ToSolar(MinYear, 1, 1);
    static readonly DateOnly LastDay = FromJulianDay(FindMonth(MaxYear + 1, 1, false)!.Value.Start - 1); // The day before Tết 2200.

    /// <summary>The lunar date of a solar (Gregorian) date, as the Vietnamese calendar has it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside lunar years <see cref="MinYear"/>–<see cref="MaxYear"/>.</exception>
    public static LunarDate ToLunar(DateOnly solar)
    {
        if (solar < FirstDay || solar > LastDay)
        {
            throw new ArgumentOutOfRangeException(nameof(solar), solar, string.Create(CultureInfo.InvariantCulture,
                $"The lunar calendar is supported from {FirstDay:dd/MM/yyyy} to {LastDay:dd/MM/yyyy} (lunar years {MinYear}–{MaxYear})."));
        }

        // The month starts on the day of the last new moon on or before this day. The true new moon strays up to
        // about 14 hours from the mean one, so start from the mean lunation after it and step back.
        var day = JulianDay(solar);
        var k = (int)Math.Floor((day - NewMoonOf1900) / SynodicMonth) + 1;
        while (NewMoonDay(k) > day)
        {
            k--;
        }

        var monthStart = NewMoonDay(k);

        // a11 and b11: the first days of the months 11 before and after this month.
        var lunarYear = solar.Year;
        var a11 = Month11Start(solar.Year);
        var b11 = a11;
        if (a11 >= monthStart)
        {
            a11 = Month11Start(solar.Year - 1);
        }
        else
        {
            lunarYear++;
            b11 = Month11Start(solar.Year + 1);
        }

        var monthsAfter11 = (monthStart - a11) / 29;
        var month = monthsAfter11 + 11;
        var isLeap = false;
        if (b11 - a11 > 365)
        {
            var leapOffset = LeapMonthOffset(a11);
            if (monthsAfter11 >= leapOffset)
            {
                month--;
                isLeap = monthsAfter11 == leapOffset;
            }
        }

        if (month > 12)
        {
            month -= 12;
        }

        if (month >= 11 && monthsAfter11 < 4)
        {
            lunarYear--;
        }

        return new LunarDate(lunarYear, month, day - monthStart + 1, isLeap);
    }

    /// <summary>The solar (Gregorian) date of a day of the Vietnamese lunar calendar.</summary>
    /// <param name="lunarYear">The lunar year, <see cref="MinYear"/> to <see cref="MaxYear"/>.</param>
    /// <param name="month">The lunar month, 1 to 12.</param>
    /// <param name="day">The day, 1 to the length of that month (29 or 30).</param>
    /// <param name="leapMonth">The leap month (tháng nhuận) that follows <paramref name="month"/>, when the year has it.</param>
    /// <exception cref="ArgumentOutOfRangeException">The year is not supported, or that month or day does not exist.</exception>
    public static DateOnly ToSolar(int lunarYear, int month, int day, bool leapMonth = false)
    {
        if (lunarYear is < MinYear or > MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(lunarYear), lunarYear,
                $"The lunar calendar is supported for the years {MinYear} to {MaxYear}.");
        }

        if (month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, "A lunar month is numbered 1 to 12.");
        }

        var (start, length) = FindMonth(lunarYear, month, leapMonth)
            ?? throw new ArgumentOutOfRangeException(nameof(leapMonth), leapMonth,
                $"Lunar year {lunarYear} has no leap month {month} (tháng {month} nhuận).");

        if (day < 1 || day > length)
        {
            throw new ArgumentOutOfRangeException(nameof(day), day,
                $"Lunar month {month}{(leapMonth ? " (leap)" : "")} of {lunarYear} has {length} days, so the day must be 1 to {length}.");
        }

        return FromJulianDay(start + day - 1);
    }

    /// <summary>Tết Nguyên Đán, the lunar new year: day 1 of month 1.</summary>
    public static DateOnly Tet(int year) => ToSolar(year, 1, 1);

    /// <summary>Tết Trung Thu, the Mid-Autumn Festival: day 15 of month 8.</summary>
    public static DateOnly MidAutumn(int year) => ToSolar(year, 8, 15);

    /// <summary>The first day and length of a lunar month, or null when the year has no such leap month.</summary>
    static (int Start, int Length)? FindMonth(int lunarYear, int month, bool leapMonth)
    {
        // Months 1 to 10 lie between the month 11 of the year before and that of this year; 11 and 12 after the latter.
        var (a11, b11) = month < 11
            ? (Month11Start(lunarYear - 1), Month11Start(lunarYear))
            : (Month11Start(lunarYear), Month11Start(lunarYear + 1));
        var k = (int)Math.Floor(0.5 + (a11 - NewMoonOf1900) / SynodicMonth);
        var offset = (month + 1) % 12; // Months after month 11: 11 → 0, 12 → 1, 1 → 2, … 10 → 11.

        if (b11 - a11 > 365)
        {
            var leapOffset = LeapMonthOffset(a11);
            var numberOfLeapMonth = (leapOffset + 9) % 12 + 1; // It repeats the number of the month before it.
            if (leapMonth && month != numberOfLeapMonth)
            {
                return null;
            }

            if (leapMonth || offset >= leapOffset)
            {
                offset++;
            }
        }
        else if (leapMonth)
        {
            return null;
        }

        var start = NewMoonDay(k + offset);
        return (start, NewMoonDay(k + offset + 1) - start);
    }

    /// <summary>The first day of the month 11 (the month of the winter solstice) that starts in a solar year.</summary>
    static int Month11Start(int solarYear)
    {
        var k = (int)Math.Floor((JulianDay(new DateOnly(solarYear, 12, 31)) - 2415021) / SynodicMonth);
        var newMoon = NewMoonDay(k);
        return MajorTermSector(newMoon) >= 9 ? NewMoonDay(k - 1) : newMoon; // Sector 9 starts at the solstice (270°).
    }

    /// <summary>How many months after the month 11 starting on <paramref name="a11"/> the leap month is: the first without a major term.</summary>
    static int LeapMonthOffset(int a11)
    {
        var k = (int)Math.Floor((a11 - NewMoonOf1900) / SynodicMonth + 0.5);
        var sector = MajorTermSector(NewMoonDay(k + 1));
        for (var i = 1; i < 13; i++)
        {
            var next = MajorTermSector(NewMoonDay(k + i + 1));
            if (next == sector)
            {
                return i;
            }

            sector = next;
        }

        return 13;
    }

    /// <summary>The day (Julian day number at UTC+7) of the k-th new moon after that of 1 January 1900.</summary>
    static int NewMoonDay(int k)
    {
        var t = k / 1236.85; // Julian centuries from 1900.
        var t2 = t * t;
        var t3 = t2 * t;
        var jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
            + 0.00033 * Math.Sin((166.56 + 132.87 * t - 0.009173 * t2) * Degree);
        var m = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * Degree; // Sun's mean anomaly.
        var mPrime = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * Degree; // Moon's mean anomaly.
        var f = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * Degree; // Moon's argument of latitude.
        var correction = (0.1734 - 0.000393 * t) * Math.Sin(m) + 0.0021 * Math.Sin(2 * m)
            - 0.4068 * Math.Sin(mPrime) + 0.0161 * Math.Sin(2 * mPrime) - 0.0004 * Math.Sin(3 * mPrime)
            + 0.0104 * Math.Sin(2 * f) - 0.0051 * Math.Sin(m + mPrime) - 0.0074 * Math.Sin(m - mPrime)
            + 0.0004 * Math.Sin(2 * f + m) - 0.0004 * Math.Sin(2 * f - m) - 0.0006 * Math.Sin(2 * f + mPrime)
            + 0.0010 * Math.Sin(2 * f - mPrime) + 0.0005 * Math.Sin(2 * mPrime + m);
        var deltaT = t < -11
            ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
            : -0.000278 + 0.000265 * t + 0.000262 * t2;
        return (int)Math.Floor(jd + correction - deltaT + 0.5 + TimeZoneHours / 24);
    }

    /// <summary>Which 30° sector of the ecliptic (0 from the March equinox) the sun is in as the day starts at UTC+7.</summary>
    static int MajorTermSector(int julianDay) => (int)Math.Floor(SunLongitude(julianDay - 0.5 - TimeZoneHours / 24) / Math.PI * 6);

    /// <summary>The sun's apparent longitude in radians, 0 to 2π, at a Julian day.</summary>
    static double SunLongitude(double julianDay)
    {
        var t = (julianDay - 2451545.0) / 36525; // Julian centuries from J2000.
        var t2 = t * t;
        var m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2; // Mean anomaly, degrees.
        var l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2; // Mean longitude, degrees.
        var center = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.Sin(Degree * m)
            + (0.019993 - 0.000101 * t) * Math.Sin(Degree * 2 * m) + 0.000290 * Math.Sin(Degree * 3 * m);
        var omega = 125.04 - 1934.136 * t; // Corrections for nutation and aberration.
        var lambda = (l0 + center - 0.00569 - 0.00478 * Math.Sin(omega * Degree)) * Degree;
        return lambda - 2 * Math.PI * Math.Floor(lambda / (2 * Math.PI));
    }

    static int JulianDay(DateOnly date) => date.DayNumber + JulianDayOfDayNumberZero;

    static DateOnly FromJulianDay(int julianDay) => DateOnly.FromDayNumber(julianDay - JulianDayOfDayNumberZero);
}
