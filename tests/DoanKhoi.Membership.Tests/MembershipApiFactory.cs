using DoanKhoi.Testing;

namespace DoanKhoi.Membership.Tests;

public sealed class MembershipApiFactory() : ServiceFactory<Program>(ResourceNames.MembershipDb);
