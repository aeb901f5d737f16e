namespace DoanKhoi.Web.Components.Pages.Members;

public enum MemberEditorMode
{
    /// <summary>A member who already belongs to the Union, recorded in the unit.</summary>
    Register,
    /// <summary>Kết nạp: a young person joins the Union by the unit's resolution.</summary>
    Admit,
    /// <summary>Correcting a member's record.</summary>
    Correct,
}
