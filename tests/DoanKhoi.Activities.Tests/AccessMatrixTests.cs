using System.Net;
using DoanKhoi.Testing;

namespace DoanKhoi.Activities.Tests;

/// <summary>Each post against each endpoint: the catalogue is for everyone, the record for the bloc office.</summary>
public class AccessMatrixTests(ActivitiesApiFactory factory) : IClassFixture<ActivitiesApiFactory>
{
    private static readonly MatrixBloc Bloc = new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

    [Theory]
    [MemberData(nameof(MatrixBloc.Everyone), MemberType = typeof(MatrixBloc))]
    public async Task Everyone_reads_the_catalogue_and_only_the_bloc_office_reads_the_record(Who who)
    {
        var client = factory.CreateClient().As(Bloc.TokenOf(who));

        var catalogue = await client.GetAsync("/movements");
        var record = await client.GetAsync("/audit");

        var readsRecord = who is Who.BlocOffice or Who.ReadOnlySystem;
        Assert.Equal((HttpStatusCode.OK, readsRecord ? HttpStatusCode.OK : HttpStatusCode.Forbidden), (catalogue.StatusCode, record.StatusCode));
    }
}
