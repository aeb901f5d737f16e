using System.Globalization;
using DoanKhoi.Activities.Domain.Calendar;

namespace DoanKhoi.Activities.Tests;

public class LunarCalendarTests
{
    [Theory]
    [InlineData(1968, "1968-01-29")] // Tết Mậu Thân: the North kept 29/01 at UTC+7, the South 30/01 at UTC+8.
    [InlineData(1985, "1985-01-21")] // A whole month before China's 20/02/1985.
    [InlineData(2000, "2000-02-05")]
    [InlineData(2007, "2007-02-17")] // China: 18/02/2007.
    [InlineData(2020, "2020-01-25")]
    [InlineData(2021, "2021-02-12")]
    [InlineData(2022, "2022-02-01")]
    [InlineData(2023, "2023-01-22")]
    [InlineData(2024, "2024-02-10")]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    public void Tet_falls_on_the_dates_Vietnam_kept(int year, string tet)
    {
        Assert.Equal(DateOnly.Parse(tet, CultureInfo.InvariantCulture), LunarCalendar.Tet(year));
        Assert.Equal(new LunarDate(year, 1, 1, false), LunarCalendar.ToLunar(DateOnly.Parse(tet, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Tet_agrees_with_Ho_Ngoc_Duc_s_tables_from_1968_to_2053()
    {
        // Day/month of Tết from 1968 on, ten years a line, from the tables published with Hồ Ngọc Đức's âm lịch.
        string[] decades =
        [
            "29/01 16/02 06/02 27/01 15/02 03/02 23/01 11/02 31/01 18/02",
            "07/02 28/01 16/02 05/02 25/01 13/02 02/02 21/01 09/02 29/01",
            "17/02 06/02 27/01 15/02 04/02 23/01 10/02 31/01 19/02 07/02",
            "28/01 16/02 05/02 24/01 12/02 01/02 22/01 09/02 29/01 17/02",
            "07/02 26/01 14/02 03/02 23/01 10/02 31/01 19/02 08/02 28/01",
            "16/02 05/02 25/01 12/02 01/02 22/01 10/02 29/01 17/02 06/02",
            "26/01 13/02 02/02 23/01 11/02 31/01 19/02 08/02 28/01 15/02",
            "04/02 24/01 12/02 01/02 22/01 10/02 30/01 17/02 06/02 26/01",
            "14/02 02/02 23/01 11/02 01/02 18/02",
        ];
        var days = string.Join(' ', decades).Split(' ');

        for (var i = 0; i < days.Length; i++)
        {
            var year = 1968 + i;
            Assert.Equal(DateOnly.ParseExact($"{days[i]}/{year}", "dd/MM/yyyy", CultureInfo.InvariantCulture), LunarCalendar.Tet(year));
        }
    }

    [Theory]
    [InlineData(2020, "2020-10-01")]
    [InlineData(2021, "2021-09-21")]
    [InlineData(2022, "2022-09-10")]
    [InlineData(2023, "2023-09-29")]
    [InlineData(2024, "2024-09-17")]
    [InlineData(2025, "2025-10-06")]
    public void Mid_Autumn_falls_on_the_dates_Vietnam_kept(int year, string midAutumn)
    {
        Assert.Equal(DateOnly.Parse(midAutumn, CultureInfo.InvariantCulture), LunarCalendar.MidAutumn(year));
        Assert.Equal(new LunarDate(year, 8, 15, false), LunarCalendar.ToLunar(DateOnly.Parse(midAutumn, CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(2007, "2007-02-17", "2007-02-18")] // The new moon fell at 23:14 in Hanoi, 00:14 in Beijing.
    [InlineData(1985, "1985-01-21", "1985-02-20")] // The 1984 solstice fell at 23:23 in Hanoi, 00:23 on a new moon's day in Beijing.
    public void Where_Vietnam_and_China_differ_Tet_is_the_Vietnamese_one(int year, string vietnam, string china)
    {
        var chinese = new ChineseLunisolarCalendar();

        Assert.Equal(DateOnly.Parse(china, CultureInfo.InvariantCulture), DateOnly.FromDateTime(chinese.ToDateTime(year, 1, 1, 0, 0, 0, 0)));
        Assert.Equal(DateOnly.Parse(vietnam, CultureInfo.InvariantCulture), LunarCalendar.Tet(year));
    }

    [Fact]
    public void The_year_2023_has_a_leap_second_month_after_a_thirty_day_second_month()
    {
        Assert.Equal(new DateOnly(2023, 2, 20), LunarCalendar.ToSolar(2023, 2, 1));
        Assert.Equal(new LunarDate(2023, 2, 30, false), LunarCalendar.ToLunar(new DateOnly(2023, 3, 21)));
        Assert.Equal(new DateOnly(2023, 3, 22), LunarCalendar.ToSolar(2023, 2, 1, leapMonth: true));
        Assert.Equal(new LunarDate(2023, 2, 1, true), LunarCalendar.ToLunar(new DateOnly(2023, 3, 22)));
        Assert.Equal(new LunarDate(2023, 2, 29, true), LunarCalendar.ToLunar(new DateOnly(2023, 4, 19)));
        Assert.Equal(new LunarDate(2023, 3, 1, false), LunarCalendar.ToLunar(new DateOnly(2023, 4, 20)));
    }

    [Fact]
    public void A_leap_month_can_fall_at_the_end_of_the_year()
    {
        // 2033 has a tháng 11 nhuận (the Chinese calendar's "2033 problem" has the same answer).
        Assert.Equal(new DateOnly(2033, 12, 22), LunarCalendar.ToSolar(2033, 11, 1, leapMonth: true));
        Assert.Equal(new LunarDate(2033, 11, 1, true), LunarCalendar.ToLunar(new DateOnly(2033, 12, 22)));
        Assert.Equal(new LunarDate(2033, 12, 1, false), LunarCalendar.ToLunar(new DateOnly(2034, 1, 20)));
    }

    [Theory]
    [InlineData(1800)]
    [InlineData(1877)] // 13/04/1877 and 07/05/2054 fall on the eve of a new moon that comes well after the mean one,
    [InlineData(2054)] // where the usual form of the algorithm gives day 0.
    [InlineData(1900)]
    [InlineData(1968)]
    [InlineData(1984)]
    [InlineData(1985)]
    [InlineData(2007)]
    [InlineData(2023)]
    [InlineData(2024)]
    [InlineData(2033)]
    [InlineData(2100)]
    [InlineData(2199)]
    public void Every_day_of_a_year_converts_to_lunar_and_back(int solarYear)
    {
        var first = new DateOnly(solarYear, 1, 1);
        if (first < LunarCalendar.Tet(LunarCalendar.MinYear))
        {
            first = LunarCalendar.Tet(LunarCalendar.MinYear);
        }

        var previous = LunarCalendar.ToLunar(first);
        for (var day = first; day.Year == solarYear; day = day.AddDays(1))
        {
            var lunar = LunarCalendar.ToLunar(day);

            Assert.Equal(day, LunarCalendar.ToSolar(lunar.Year, lunar.Month, lunar.Day, lunar.IsLeapMonth));
            Assert.True(day == first || lunar == previous with { Day = previous.Day + 1 } || (lunar.Day == 1 && previous.Day is 29 or 30),
                $"{day:yyyy-MM-dd} is {lunar}, yet the day before was {previous}.");
            previous = lunar;
        }
    }

    [Fact]
    public void A_day_that_does_not_exist_is_refused()
    {
        // Month 12 of 2024 had 29 days: Tết Ất Tỵ (29/01/2025) came without a 30 Tết.
        Assert.Equal(new DateOnly(2025, 1, 28), LunarCalendar.ToSolar(2024, 12, 29));
        var day30 = Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.ToSolar(2024, 12, 30));
        Assert.Equal("day", day30.ParamName);
        Assert.Contains("29 days", day30.Message);

        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.ToSolar(2023, 2, 30, leapMonth: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.ToSolar(2023, 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.ToSolar(2023, 13, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.ToSolar(2023, 0, 1));
    }

    [Theory]
    [InlineData(2024, 2)] // 2024 has no leap month at all.
    [InlineData(2023, 3)] // 2023's leap month is the second.
    [InlineData(2033, 10)] // 2033's is the eleventh.
    public void A_leap_month_the_year_does_not_have_is_refused(int year, int month)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.ToSolar(year, month, 1, leapMonth: true));

        Assert.Equal("leapMonth", error.ParamName);
        Assert.Contains($"no leap month {month}", error.Message);
    }

    [Fact]
    public void Years_outside_1800_to_2199_are_refused()
    {
        Assert.Equal(new DateOnly(1800, 1, 25), LunarCalendar.Tet(LunarCalendar.MinYear));
        Assert.Equal(new LunarDate(LunarCalendar.MaxYear, 12, 1, false), LunarCalendar.ToLunar(new DateOnly(2200, 1, 16)));

        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.ToLunar(new DateOnly(1800, 1, 24)));
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.ToLunar(new DateOnly(2200, 3, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.Tet(1799));
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.MidAutumn(2200));
    }

    [Fact]
    public void A_lunar_date_prints_day_first_and_marks_a_leap_month()
    {
        Assert.Equal("15/08/2023", new LunarDate(2023, 8, 15, false).ToString());
        Assert.Equal("01/02/2023 (nhuận)", LunarCalendar.ToLunar(new DateOnly(2023, 3, 22)).ToString());
    }
}
