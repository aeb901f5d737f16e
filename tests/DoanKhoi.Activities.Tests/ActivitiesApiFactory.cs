using DoanKhoi.Testing;

namespace DoanKhoi.Activities.Tests;

public sealed class ActivitiesApiFactory() : ServiceFactory<Program>(ResourceNames.ActivitiesDb);
