namespace DoanKhoi.Problems;

/// <summary>The refusals every service shares (paging, lengths, unreadable requests, the audit trail, the file formats of exports), in
/// Vietnamese. Each service adds its own catalogue beside this one.</summary>
public static class SharedVietnameseProblems
{
    public static readonly ProblemCatalogue Catalogue = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["The page number is between 1 and {0}."] = "Số trang từ 1 đến {0}.",
        ["The page size is between 1 and {0}."] = "Số dòng mỗi trang từ 1 đến {0}.",
        ["'{0}' is {1} characters long; at most {2} are allowed."] = "Nội dung dài {1} ký tự; tối đa {2} ký tự.",
        ["'{0}' is not an action: use one of {1}."] = "'{0}' không phải loại thao tác: chọn một trong {1}.",
        ["The period ends before it starts."] = "Ngày kết thúc trước ngày bắt đầu.",
        ["'{0}' is not a status: use open, closed or all."] = "'{0}' không phải tình trạng: đang hoạt động, đã giải thể hoặc tất cả.",
        ["'{0}' is not a file format: use xlsx or csv."] = "'{0}' không phải định dạng tệp: chọn xlsx hoặc csv.",
        ["Someone else changed this record at the same time. Reload it and try again."] =
            "Người khác vừa sửa bản ghi này cùng lúc. Hãy tải lại rồi thử lại.",
        ["A record this request refers to was removed meanwhile. Reload and try again."] =
            "Một bản ghi mà yêu cầu này nhắc đến vừa bị xóa. Hãy tải lại rồi thử lại.",
        ["Choose the file to upload, sent as the form field 'file'."] = "Hãy chọn tệp cần tải lên (trường 'file' của biểu mẫu).",
        ["The file is {0:0.#} MB; a file is at most {1} MB."] = "Tệp nặng {0:0.#} MB; mỗi tệp tối đa {1} MB.",
        ["A record with the same key already exists."] = "Đã có một bản ghi trùng khóa.",
        ["'{0}' is already taken: {1} must be unique."] = "'{0}' đã được dùng: {1} không được trùng.",
    });
}
