using DoanKhoi.Problems;
using Microsoft.AspNetCore.Http;

namespace DoanKhoi.Membership.Tests.Domain;

public class ProblemBoundsTests
{
    [Fact]
    public void A_long_text_is_cut_with_an_ellipsis_and_never_inside_a_surrogate_pair()
    {
        Assert.Equal("abc", ProblemBounds.Cut("abc", 3));
        Assert.Equal("ab…", ProblemBounds.Cut("abcd", 3));
        var cut = ProblemBounds.Cut("a😀😀", 3)!;
        Assert.Equal("a…", cut);
        Assert.True(cut.Length <= 3);
    }

    [Fact]
    public void Every_part_of_a_problem_is_cut_to_its_bound_and_no_more_fields_are_kept_than_the_bound()
    {
        var errors = Enumerable.Range(0, ProblemBounds.MaxFields + 5).ToDictionary(i => $"f{i}" + new string('x', 300), _ => Enumerable.Repeat(new string('m', 2000), 30).ToArray());
        var problem = new HttpValidationProblemDetails(errors) { Title = new string('t', 500), Detail = new string('d', 5000), Instance = new string('i', 5000) };
        problem.Extensions["traceId"] = new string('0', 500);

        ProblemBounds.Apply(problem);

        Assert.Equal(ProblemBounds.TitleMaxLength, problem.Title!.Length);
        Assert.Equal(ProblemBounds.DetailMaxLength, problem.Detail!.Length);
        Assert.Equal(ProblemBounds.InstanceMaxLength, problem.Instance!.Length);
        Assert.Equal(ProblemBounds.TraceIdMaxLength, ((string)problem.Extensions["traceId"]!).Length);
        Assert.Equal(ProblemBounds.MaxFields, problem.Errors.Count);
        Assert.All(problem.Errors, e =>
        {
            Assert.Equal(ProblemBounds.FieldMaxLength, e.Key.Length);
            Assert.Equal(ProblemBounds.MaxMessagesPerField, e.Value.Length);
            Assert.All(e.Value, m => Assert.Equal(ProblemBounds.MessageMaxLength, m.Length));
        });
    }
}
