/**
 * Every error code of the platform with its HTTP status and its message in Vietnamese and English.
 * Codes are stable: clients may branch on them. Modules add their codes here under their own prefix.
 */
interface CatalogueEntry {
  status: number;
  vi: string;
  en: string;
}

const catalogue = {
  // http: the request itself is malformed
  'http.validation_failed': { status: 400, vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The request data is invalid.' },
  'http.malformed_json': { status: 400, vi: 'Nội dung JSON không đúng cú pháp.', en: 'The request body is not valid JSON.' },
  'http.unsupported_media_type': { status: 415, vi: 'Kiểu nội dung {contentType} không được hỗ trợ.', en: 'Content type {contentType} is not supported.' },
  'http.body_too_large': { status: 413, vi: 'Nội dung gửi lên vượt quá {limit} byte.', en: 'The request body exceeds {limit} bytes.' },
  'http.not_found': { status: 404, vi: 'Không tìm thấy địa chỉ {path}.', en: 'No route matches {path}.' },
  'http.method_not_allowed': { status: 405, vi: 'Phương thức không được hỗ trợ.', en: 'Method not allowed.' },
  'http.rate_limited': { status: 429, vi: 'Quá nhiều yêu cầu. Vui lòng thử lại sau {retryAfter} giây.', en: 'Too many requests. Try again in {retryAfter} seconds.' },
  'http.bad_request': { status: 400, vi: 'Yêu cầu không hợp lệ.', en: 'Bad request.' },
  'http.internal': { status: 500, vi: 'Đã có lỗi hệ thống. Mã yêu cầu: {requestId}.', en: 'An internal error occurred. Request id: {requestId}.' },
  'http.unavailable': { status: 503, vi: 'Hệ thống đang tạm ngừng phục vụ.', en: 'The service is temporarily unavailable.' },
  // auth: who is calling
  'auth.unauthenticated': { status: 401, vi: 'Vui lòng đăng nhập.', en: 'Please log in.' },
  'auth.invalid_token': { status: 401, vi: 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn.', en: 'The session is invalid or has expired.' },
  'auth.forbidden': { status: 403, vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  'auth.csrf_invalid': { status: 403, vi: 'Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF).', en: 'The CSRF token is missing or wrong.' },
  'auth.too_many_attempts': { status: 429, vi: 'Đăng nhập sai quá nhiều lần từ địa chỉ này. Thử lại sau {retryAfter} giây.', en: 'Too many failed logins from this address. Try again in {retryAfter} seconds.' },
  // identity
  'identity.invalid_login': { status: 400, vi: 'Hãy nhập số điện thoại Việt Nam (10 số) hoặc địa chỉ email hợp lệ.', en: 'Enter a Vietnamese phone number (10 digits) or a valid e-mail address.' },
  'identity.login_taken': { status: 409, vi: 'Số điện thoại hoặc email này đã được đăng ký.', en: 'This phone number or e-mail is already registered.' },
  'identity.invalid_credentials': { status: 401, vi: 'Tài khoản hoặc mật khẩu không đúng.', en: 'Wrong login or password.' },
  'identity.account_locked': { status: 423, vi: 'Tài khoản đã bị khóa do đăng nhập sai nhiều lần. Hãy đặt lại mật khẩu để mở khóa.', en: 'The account is locked after too many failed logins. Reset the password to unlock it.' },
  'identity.not_verified': { status: 403, vi: 'Tài khoản chưa được xác thực. Hãy nhập mã đã gửi tới {login}.', en: 'The account is not verified yet. Enter the code sent to {login}.' },
  'identity.invalid_code': { status: 400, vi: 'Mã xác thực không đúng hoặc đã hết hạn.', en: 'The code is wrong or has expired.' },
  'identity.already_verified': { status: 409, vi: 'Tài khoản đã được xác thực.', en: 'The account is already verified.' },
  'identity.weak_password': { status: 400, vi: 'Mật khẩu quá dễ đoán: {reason}.', en: 'The password is too easy to guess: {reason}.' },
  'identity.wrong_password': { status: 400, vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' },
  'identity.user_not_found': { status: 404, vi: 'Không tìm thấy người dùng.', en: 'User not found.' },
  'identity.grant_not_found': { status: 404, vi: 'Không tìm thấy quyền đã cấp.', en: 'Role grant not found.' },
  'identity.grant_needs_agency': { status: 400, vi: 'Vai trò {role} phải gắn với một cơ quan.', en: 'The role {role} must be granted on an agency.' },
  'identity.grant_exists': { status: 409, vi: 'Người dùng đã có vai trò này tại cơ quan này.', en: 'The user already has this role at this agency.' },
  'identity.channel_unavailable': { status: 400, vi: 'Hệ thống chưa gửi được tin nhắn SMS; hãy đăng ký bằng email.', en: 'SMS delivery is not configured; register with an e-mail address.' },
  'identity.code_recently_sent': { status: 429, vi: 'Mã vừa được gửi. Vui lòng đợi {retryAfter} giây trước khi yêu cầu mã mới.', en: 'A code was just sent. Wait {retryAfter} seconds before asking for a new one.' },
  // agencies
  'agencies.not_found': { status: 404, vi: 'Không tìm thấy cơ quan {code}.', en: 'Agency {code} not found.' },
  'agencies.code_taken': { status: 409, vi: 'Mã cơ quan {code} đã tồn tại.', en: 'Agency code {code} is already used.' },
  'agencies.outside_scope': { status: 403, vi: 'Cơ quan {code} nằm ngoài phạm vi quản lý của bạn.', en: 'Agency {code} is outside your scope.' },
  'agencies.invalid_parent': { status: 400, vi: 'Không thể đặt loại cơ quan {kind} dưới {parentKind}.', en: 'An agency of kind {kind} cannot sit under {parentKind}.' },
  'calendar.year_not_found': { status: 404, vi: 'Chưa có lịch ngày nghỉ của năm {year}.', en: 'There is no holiday calendar for {year}.' },
  'calendar.invalid_day': { status: 400, vi: 'Ngày không hợp lệ: {reason}.', en: 'Invalid day: {reason}.' },
  'reports.category_not_found': { status: 404, vi: 'Không có lĩnh vực phản ánh {code}.', en: 'There is no report category {code}.' },
  'reports.category_exists': { status: 409, vi: 'Lĩnh vực phản ánh {code} đã tồn tại.', en: 'Report category {code} already exists.' },
  'reports.outside_city': { status: 400, vi: 'Vị trí này nằm ngoài địa bàn thành phố. Hãy chọn lại vị trí trên bản đồ.', en: 'This place is outside the city. Choose the place on the map again.' },
  'reports.invalid_answer': { status: 400, vi: 'Câu trả lời cho các câu hỏi bổ sung chưa hợp lệ.', en: 'Some answers to the additional questions are invalid.' },
  'reports.photo_required': { status: 400, vi: 'Phản ánh về {category} cần có ít nhất một ảnh.', en: 'A report about {category} needs at least one photo.' },
  'reports.not_found': { status: 404, vi: 'Không tìm thấy phản ánh {code}.', en: 'Report {code} not found.' },
  'reports.rule_exists': { status: 409, vi: 'Đã có quy tắc phân công #{ruleNo} cho lĩnh vực và địa bàn này.', en: 'Routing rule #{ruleNo} already covers this category and area.' },
  'reports.unit_not_found': { status: 404, vi: 'Không tìm thấy đơn vị {code}.', en: 'Unit {code} not found.' },
  'reports.invalid_photo': { status: 400, vi: 'Tệp gửi lên không phải ảnh JPEG, PNG hoặc WebP hợp lệ.', en: 'The file is not a valid JPEG, PNG or WebP image.' },
  'reports.photo_not_found': { status: 404, vi: 'Không tìm thấy ảnh.', en: 'Photo not found.' },
  'reports.photo_unusable': { status: 400, vi: 'Ảnh {photoId} không dùng được: ảnh phải do bạn tải lên và chưa gắn với phản ánh nào.', en: 'Photo {photoId} cannot be used: it must be yours and not attached to a report yet.' },
  'reports.too_many_photos': { status: 400, vi: 'Mỗi phản ánh có tối đa {max} ảnh.', en: 'A report has at most {max} photos.' },
  'reports.action_invalid': { status: 400, vi: 'Không thực hiện được: {reason}.', en: 'Not possible: {reason}.' },
  'reports.action_refused': { status: 409, vi: 'Không thực hiện được: {reason}.', en: 'Not possible: {reason}.' },
  'notifications.not_found': { status: 404, vi: 'Không tìm thấy thông báo.', en: 'Notice not found.' },
  'areas.invalid_geojson': { status: 400, vi: 'Dữ liệu GeoJSON không hợp lệ: {reason}.', en: 'Invalid GeoJSON: {reason}.' },
  // procedures and dossiers
  'procedures.not_found': { status: 404, vi: 'Không có thủ tục hành chính {code}.', en: 'There is no administrative procedure {code}.' },
  'procedures.exists': { status: 409, vi: 'Thủ tục {code} đã có trong danh mục.', en: 'Procedure {code} is already in the catalogue.' },
  'procedures.invalid_definition': { status: 400, vi: 'Định nghĩa thủ tục chưa hợp lệ: {reason}.', en: 'The procedure definition is invalid: {reason}.' },
  'dossiers.not_found': { status: 404, vi: 'Không tìm thấy hồ sơ {code}.', en: 'Dossier {code} not found.' },
  'dossiers.invalid_file': { status: 400, vi: 'Tệp gửi lên không phải PDF, JPEG hoặc PNG hợp lệ.', en: 'The file is not a valid PDF, JPEG or PNG.' },
  'dossiers.file_not_found': { status: 404, vi: 'Không tìm thấy tệp.', en: 'File not found.' },
  'dossiers.file_unusable': { status: 400, vi: 'Tệp {fileId} không dùng được: tệp phải do bạn tải lên và chưa gắn với hồ sơ nào.', en: 'File {fileId} cannot be used: it must be yours and not attached to a dossier yet.' },
  'dossiers.invalid_form': { status: 400, vi: 'Tờ khai chưa hợp lệ, hãy kiểm tra các trường được đánh dấu.', en: 'The application form is invalid; check the marked fields.' },
  'dossiers.missing_components': { status: 400, vi: 'Còn thiếu thành phần hồ sơ bắt buộc: {components}.', en: 'Required dossier components are missing: {components}.' },
  'dossiers.agency_required': { status: 400, vi: 'Hãy chọn phường, xã tiếp nhận hồ sơ.', en: 'Choose the ward or commune that receives the dossier.' },
  'dossiers.action_not_allowed': { status: 409, vi: 'Không thể {action} khi hồ sơ ở trạng thái "{status}".', en: 'Cannot {action} while the dossier is "{status}".' },
  'dossiers.apology_required': { status: 409, vi: 'Hồ sơ đã quá hạn: cần gửi thư xin lỗi và hẹn lại ngày trả kết quả trước khi phê duyệt.', en: 'The dossier is overdue: send an apology letter with a new appointment date before approving it.' },
  'dossiers.invalid_action': { status: 400, vi: 'Không thực hiện được: {reason}.', en: 'Not possible: {reason}.' },
  'dossiers.survey_exists': { status: 409, vi: 'Hồ sơ này đã được đánh giá.', en: 'This dossier has already been rated.' },
  'dossiers.result_not_ready': { status: 409, vi: 'Hồ sơ chưa có kết quả.', en: 'The dossier has no result yet.' },
  // documents
  'documents.not_found': { status: 404, vi: 'Không tìm thấy văn bản.', en: 'Document not found.' },
  'documents.wrong_key_password': { status: 400, vi: 'Mật khẩu của tệp chứng thư số (PKCS#12) không đúng.', en: 'The password of the certificate file (PKCS#12) is wrong.' },
  'documents.invalid_certificate': { status: 400, vi: 'Chứng thư số không đọc được hoặc không khớp với khóa bí mật: {reason}.', en: 'The certificate cannot be read or does not match its private key: {reason}.' },
  'documents.certificate_expired': { status: 400, vi: 'Chứng thư số không còn hiệu lực (hiệu lực từ {notBefore} đến {notAfter}).', en: 'The certificate is not valid now (valid from {notBefore} to {notAfter}).' },
  'documents.certificate_usage': { status: 400, vi: 'Chứng thư số không được phép dùng để ký văn bản (thiếu mục đích chữ ký số và chống chối bỏ).', en: 'The certificate may not sign documents (key usage lacks digital signature and non-repudiation).' },
  'documents.untrusted_certificate': { status: 400, vi: 'Chứng thư số không do tổ chức cung cấp dịch vụ chứng thực được tin cậy cấp.', en: 'The certificate was not issued by a trusted certification authority.' },
  'documents.timestamp_unavailable': { status: 503, vi: 'Chưa lấy được dấu thời gian từ tổ chức cung cấp dịch vụ cấp dấu thời gian; văn bản chưa được ký. Vui lòng thử lại sau.', en: 'The time-stamping authority could not be reached; nothing was signed. Please try again later.' },
  'documents.no_signer': { status: 409, vi: 'Cơ quan chưa có chứng thư số còn hiệu lực để ký.', en: 'The agency has no valid signing certificate.' },
  'documents.signer_unavailable': { status: 503, vi: 'Dịch vụ ký số từ xa chưa phản hồi; văn bản chưa được ký. Vui lòng thử lại sau.', en: 'The remote signing service did not answer; nothing was signed. Please try again later.' },
  'documents.not_valid': { status: 409, vi: 'Văn bản không còn hiệu lực (trạng thái: {status}).', en: 'The document is no longer valid (status: {status}).' },
  // open311 (GeoReport v2 routes answer these as Open311 errors, not problem+json)
  'open311.invalid_api_key': { status: 403, vi: 'Thiếu hoặc sai api_key.', en: 'The api_key is missing or invalid.' },
  'open311.unknown_jurisdiction': { status: 404, vi: 'Không phục vụ jurisdiction_id {jurisdiction}; dùng {expected}.', en: 'Unknown jurisdiction_id {jurisdiction}; this server serves {expected}.' },
  'open311.invalid_parameter': { status: 400, vi: 'Tham số không hợp lệ.', en: 'Invalid parameters.' },
  'open311.location_required': { status: 400, vi: 'Cần vị trí: máy chủ này cần lat/long (địa chỉ không đủ để phân công xử lý).', en: 'location required: this server needs lat/long (an address alone cannot be routed).' },
  'open311.photo_unsupported': { status: 400, vi: 'Lĩnh vực {service} cần ảnh tải lên; Open311 chỉ gửi được đường dẫn (media_url), nên hãy gửi qua ứng dụng của thành phố.', en: 'Service {service} needs an uploaded photo; Open311 carries only a link (media_url), so file it in the city app.' },
  'open311.request_not_found': { status: 404, vi: 'Không tìm thấy yêu cầu {id}.', en: 'Service request {id} not found.' },
  'open311.token_not_found': { status: 404, vi: 'Không tìm thấy token {token}.', en: 'Token {token} not found.' },
  'open311.date_span_too_long': { status: 400, vi: 'Khoảng thời gian tối đa {days} ngày.', en: 'The span from start_date to end_date is at most {days} days.' },
  'open311.client_not_found': { status: 404, vi: 'Không tìm thấy ứng dụng tích hợp {id}.', en: 'Open311 client {id} not found.' },
} satisfies Record<string, CatalogueEntry>;

export type ErrorCode = keyof typeof catalogue;
export const messageCatalogue: Record<ErrorCode, CatalogueEntry> = catalogue;
