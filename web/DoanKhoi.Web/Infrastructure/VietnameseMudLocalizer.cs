using Microsoft.Extensions.Localization;
using MudBlazor;

namespace DoanKhoi.Web.Infrastructure;

/// <summary>MudBlazor's own words in Vietnamese: the names a screen reader reads for the pager's buttons, a
/// dialog's or an alert's close button, the date picker's months, and its conversion errors shown under a
/// field. MudBlazor ships English only; a key not here stays in English.</summary>
public sealed class VietnameseMudLocalizer : MudLocalizer
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["MudAlert_Close"] = "Đóng thông báo",
        ["MudChip_Close"] = "Bỏ",
        ["MudDialog_Close"] = "Đóng hộp thoại",
        ["MudSnackbar_Close"] = "Đóng thông báo",
        ["MudInput_Clear"] = "Xóa",
        ["MudInput_Increment"] = "Tăng",
        ["MudInput_Decrement"] = "Giảm",
        ["MudSelect_SelectAll"] = "Chọn tất cả",
        ["MudNavGroup_ToggleExpand"] = "Mở hoặc thu gọn {0}",
        ["MudBaseDatePicker_Open"] = "Mở lịch chọn ngày",
        ["MudBaseDatePicker_PrevYear"] = "Năm trước {0}",
        ["MudBaseDatePicker_NextYear"] = "Năm sau {0}",
        ["MudBaseDatePicker_PrevMonth"] = "Tháng trước {0}",
        ["MudBaseDatePicker_NextMonth"] = "Tháng sau {0}",
        ["MudPagination_CurrentPage"] = "Trang hiện tại {0}",
        ["MudPagination_FirstPage"] = "Trang đầu",
        ["MudPagination_LastPage"] = "Trang cuối",
        ["MudPagination_NextPage"] = "Trang sau",
        ["MudPagination_PreviousPage"] = "Trang trước",
        ["MudPagination_PageIndex"] = "Trang {0}",
        ["MudTablePager_FirstPage"] = "Trang đầu",
        ["MudTablePager_LastPage"] = "Trang cuối",
        ["MudTablePager_NextPage"] = "Trang sau",
        ["MudTablePager_PreviousPage"] = "Trang trước",
        ["MudDataGridPager_FirstPage"] = "Trang đầu",
        ["MudDataGridPager_LastPage"] = "Trang cuối",
        ["MudDataGridPager_NextPage"] = "Trang sau",
        ["MudDataGridPager_PreviousPage"] = "Trang trước",
        ["MudDataGridPager_RowsPerPage"] = "Số dòng mỗi trang:",
        ["MudDataGridPager_AllItems"] = "Tất cả",
        ["MudDataGridPager_InfoFormat"] = "{0}-{1} trong {2}",
        ["MudDataGrid_Loading"] = "Đang tải...",
        ["MudDataGrid_SelectAllRows"] = "Chọn tất cả các dòng",
        ["MudDataGrid_SelectRow"] = "Chọn dòng",
        ["MudDataGrid_Sort"] = "Sắp xếp",
        ["MudDataGrid_Unsort"] = "Bỏ sắp xếp",
        ["MudTable_Loading"] = "Đang tải...",
        ["MudTable_SelectAllRows"] = "Chọn tất cả các dòng",
        ["MudTable_SelectRow"] = "Chọn dòng",
        ["MudFileUpload_Button"] = "Chọn tệp",
        ["MudFormComponent_Required"] = "Bắt buộc",
        ["Converter_InvalidDateTime"] = "Ngày không hợp lệ: hãy nhập theo dạng dd/MM/yyyy",
        ["Converter_InvalidNumber"] = "Không phải là số",
        ["Converter_InvalidBoolean"] = "Không phải giá trị đúng/sai",
        ["Converter_InvalidGUID"] = "Mã không hợp lệ",
        ["Converter_InvalidTimeSpan"] = "Khoảng thời gian không hợp lệ",
    };

    public override LocalizedString this[string key] =>
        Words.TryGetValue(key, out var value) ? new(key, value, resourceNotFound: false) : base[key];
}
