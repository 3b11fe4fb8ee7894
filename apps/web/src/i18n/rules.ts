/**
 * Vietnamese (and English) messages for every refusal rule code the domain and the API emit (the `rule` of an error
 * body). test/web/rule-catalogue.spec.ts greps libs/domain for the codes and fails when one has no entry here.
 * An unknown code falls back to the API's own message.
 */
export const RULES_VI: Record<string, string> = {
  'ad-hoc.achievement-date': 'Hồ sơ khen thưởng đột xuất phải ghi ngày lập thành tích.',
  'ad-hoc.intake-window': 'Quá thời hạn tiếp nhận hồ sơ khen thưởng đột xuất tính từ ngày lập thành tích (quy tắc 31).',
  'award.known': 'Hình thức khen thưởng không có trong danh mục.',
  'award.subject-kind': 'Hình thức khen thưởng này không áp dụng cho loại đối tượng đã chọn (cá nhân, tập thể, hộ gia đình).',
  'central.hiep-y-opinion': 'Ý kiến hiệp y phải nêu cơ quan và nội dung ý kiến.',
  'central.hiep-y-required': 'Cần có ý kiến hiệp y trước khi thẩm định.',
  'central.standing-review-counts': 'Số thành viên, số có mặt và số tán thành của Thường trực Hội đồng không hợp lệ.',
  'commendation-type.known': 'Loại hình khen thưởng không hợp lệ.',
  'content.something-to-change': 'Không có nội dung nào thay đổi.',
  'council.member-votes-once': 'Thành viên Hội đồng đã bỏ phiếu cho hồ sơ này.',
  'council.members': 'Hội đồng chưa có thành viên để bỏ phiếu.',
  'council.members-only': 'Chỉ thành viên Hội đồng được bỏ phiếu cho hồ sơ này.',
  'council.secret-ballot': 'Hồ sơ này phải bỏ phiếu kín tại phiên họp Hội đồng, không bỏ phiếu riêng từng hồ sơ.',
  'council.vote-in-session': 'Hồ sơ đang nằm trong chương trình phiên họp Hội đồng: hãy bỏ phiếu tại phiên họp.',
  'decision.decided-by': 'Quyết định thuộc thẩm quyền cấp khác (Thủ tướng hoặc Chủ tịch nước).',
  'decision.decider': 'Bạn không có thẩm quyền quyết định hình thức khen thưởng này.',
  'decision.number': 'Chưa cấp được số quyết định.',
  'decision.reason-required': 'Không khen thưởng phải có lý do bằng văn bản.',
  'dossier.parts-complete': 'Hồ sơ chưa đủ thành phần theo quy định.',
  eligibility: 'Chưa đủ tiêu chuẩn, điều kiện khen thưởng.',
  'objection.review-outcome': 'Kết quả xem xét phản ánh phải được ghi rõ.',
  'objection.source-and-text': 'Phản ánh, kiến nghị phải ghi nguồn và nội dung.',
  'posting.required': 'Hồ sơ phải được công khai lấy ý kiến trước khi trình Hội đồng.',
  'proposal.number': 'Chưa cấp được số tờ trình.',
  'recovery.amount': 'Số tiền thu hồi không hợp lệ.',
  'recovery.item-once': 'Khoản thu hồi này đã được ghi nhận.',
  'recovery.task-known': 'Không có nhiệm vụ thu hồi tương ứng.',
  'register.decisions-only': 'Chỉ số quyết định mới có thể hủy số.',
  'register.void-allocated': 'Số này chưa từng được cấp.',
  'register.void-once': 'Số này đã bị hủy trước đó.',
  'register.void-reason': 'Hủy số phải có lý do.',
  'register.void-series': 'Số không thuộc sổ đăng ký này.',
  'register.void-unused': 'Số đã gắn với một quyết định khen thưởng: phải hủy bỏ quyết định, không hủy số.',
  'revocation.competent-authority': 'Hủy bỏ quyết định khen thưởng thuộc thẩm quyền của cấp đã quyết định (Thủ tướng hoặc Chủ tịch nước): chỉ ghi nhận quyết định của cấp đó.',
  'revocation.decision-ref': 'Phải ghi số quyết định hủy bỏ.',
  'revocation.ground': 'Căn cứ hủy bỏ không thuộc các trường hợp của Luật (Chương VII).',
  'revocation.reason-required': 'Hủy bỏ quyết định khen thưởng phải có lý do.',
  'round.award': 'Đợt thi đua theo chuyên đề không nhận hình thức khen thưởng này (quy tắc 32).',
  'round.awards': 'Đợt thi đua phải nêu các hình thức khen thưởng được nhận.',
  'round.name': 'Đợt thi đua phải có tên.',
  'round.named': 'Hồ sơ theo chuyên đề phải nêu đợt thi đua.',
  'round.open': 'Đợt thi đua không tồn tại hoặc không trong thời gian nhận hồ sơ (quy tắc 32).',
  'round.window': 'Thời gian nhận hồ sơ của đợt thi đua không hợp lệ.',
  // Administration: units, users, council terms and seats (directory).
  'unit.parent-ended': 'Đơn vị cấp trên đã hết hiệu lực: chọn đơn vị kế thừa.',
  'user.unit-ended': 'Đơn vị của người dùng đã hết hiệu lực: chuyển người dùng sang đơn vị kế thừa.',
  'user.deactivated': 'Tài khoản đã bị vô hiệu hóa; không thể sửa hay kích hoạt lại (hãy tạo tài khoản mới).',
  'user.exists': 'Người dùng không có trong danh bạ.',
  'council.seat-open': 'Người dùng vẫn đang giữ ghế trong Hội đồng: kết thúc các ghế đó trước.',
  'council.term-overlap': 'Nhiệm kỳ này trùng thời gian với một nhiệm kỳ khác của cùng Hội đồng.',
  'council.term-exists': 'Nhiệm kỳ Hội đồng không tồn tại.',
  'council.seat-within-term': 'Thời gian giữ ghế phải nằm trong nhiệm kỳ và ngày kết thúc sau ngày bắt đầu.',
  'council.member-active': 'Tài khoản đã bị vô hiệu hóa, không thể làm thành viên Hội đồng.',
  'council.member-valid': 'Tài khoản hết hiệu lực trước khi kết thúc thời gian giữ ghế.',
  'council.member-role': 'Vai trò của người dùng không phù hợp với chức danh trong Hội đồng.',
  'council.seat-once': 'Người dùng đã có ghế trong nhiệm kỳ này.',
  'council.one-chair': 'Nhiệm kỳ này đã có Chủ tịch Hội đồng.',
  'council.seat-exists': 'Người dùng không có ghế trong nhiệm kỳ này.',
  'council.seat-ended': 'Ghế này đã kết thúc.',
  'council.open-ballots': 'Thành viên còn phiếu bầu chưa kết thúc: đóng các cuộc bỏ phiếu hoặc phiên họp trước.',
  // Import of award history (nhập danh sách khen thưởng).
  'award-import.role': 'Vai trò của bạn không được nhập danh sách khen thưởng.',
  'award-import.same-file': 'Tệp này đã được nhập trước đây.',
  'award-import.row-errors': 'Tệp có dòng lỗi; chưa nhập dòng nào. Sửa các lỗi được liệt kê rồi nhập lại.',
  'award-import.empty': 'Tệp không có dòng khen thưởng nào.',
  // Emulation blocks (khối thi đua) and their years.
  'block.name': 'Khối thi đua phải có mã và tên.',
  'block.members': 'Khối thi đua phải có ít nhất hai đơn vị thành viên khác nhau.',
  'block.member': 'Đơn vị không phải là thành viên của khối thi đua.',
  'block.leadership': 'Khối trưởng và khối phó phải là hai đơn vị thành viên khác nhau.',
  'block.rotation': 'Khối trưởng, khối phó phải theo thứ tự luân phiên; chọn khác phải nêu lý do.',
  'block.template': 'Bảng tiêu chí chấm điểm không hợp lệ (tiêu chí, điểm tối đa, điểm thưởng, điểm trừ).',
  'block.assessment-criteria': 'Tiêu chí không có trong bảng tiêu chí chấm điểm của khối.',
  'block.points-within-max': 'Số điểm vượt quá điểm tối đa của tiêu chí (hoặc của điểm thưởng, điểm trừ).',
  'block.evidence-required': 'Tiêu chí này phải có tài liệu minh chứng cho số điểm tự chấm.',
  'block.self-assessment-days': 'Thời hạn tự chấm điểm phải từ 1 đến 60 ngày làm việc.',
  'block.self-assessment-deadline': 'Chưa hết thời hạn tự chấm điểm.',
  'block.pledge-once': 'Đơn vị đã ký giao ước thi đua năm nay.',
  'block.adjustment-reason': 'Điều chỉnh điểm khi chấm chéo phải nêu lý do.',
  'block.meeting-minutes': 'Đề nghị suy tôn phải dẫn biên bản họp khối.',
  'block.flag-quota': 'Số đơn vị đề nghị tặng Cờ thi đua vượt số lượng của khối.',
  'block.flag-leading': 'Chỉ đơn vị dẫn đầu khối mới được đề nghị tặng Cờ thi đua.',
  'block.flag-member': 'Đơn vị được đề nghị không phải là thành viên của khối.',
  'block.flag-government': 'Cờ thi đua của Chính phủ chỉ đề nghị cho đơn vị dẫn đầu khối đã được đề nghị Cờ thi đua của tỉnh.',
  'rule-set.bound': 'Hồ sơ chưa gắn với bộ quy định áp dụng.',
  'rule-set.in-force': 'Không có bộ quy định có hiệu lực vào ngày này.',
  'simplified.ad-hoc-only': 'Thủ tục đơn giản chỉ áp dụng cho khen thưởng đột xuất.',
  'supplement.lists-parts': 'Yêu cầu bổ sung phải nêu các thành phần hồ sơ còn thiếu.',
  'unit.own-dossiers': 'Cán bộ đơn vị chỉ lập hồ sơ cho đơn vị mình.',
  'session.agenda-unique': 'Một hồ sơ chỉ có một lần trong chương trình phiên họp.',
  'session.attendance': 'Điểm danh không hợp lệ.',
  'session.ballot-kind': 'Hình thức bỏ phiếu không đúng quy định cho nội dung này.',
  'session.convened-once': 'Phiên họp đã được triệu tập.',
  'session.decision-after-close': 'Chỉ ban hành quyết định sau khi phiên họp kết thúc.',
  'session.decision-dossiers': 'Quyết định của phiên họp chỉ gồm các hồ sơ đã được Hội đồng thông qua.',
  'session.decision-window': 'Phiên họp không còn nhận quyết định chung: quyết định từng hồ sơ.',
  'session.has-agenda': 'Phiên họp phải có chương trình.',
  'session.has-members': 'Phiên họp phải có thành viên.',
  'session.members-only': 'Chỉ thành viên Hội đồng của phiên họp được thực hiện.',
  'session.on-agenda': 'Hồ sơ không nằm trong chương trình phiên họp.',
  'session.one-decision': 'Quyết định của phiên họp đã được ban hành.',
  'session.open': 'Phiên họp không còn mở.',
  'session.own-attendance': 'Thành viên chỉ điểm danh cho chính mình.',
  'session.recused': 'Thành viên đã rút khỏi việc xem xét hồ sơ này (xung đột lợi ích).',
  'session.votes-once': 'Thành viên đã bỏ phiếu cho nội dung này.',
  'event-store.storable-data': 'Dữ liệu có ký tự không lưu được.',
  IDEMPOTENCY_KEY_REUSED: 'Khóa chống gửi trùng đã được dùng cho một yêu cầu khác.',
};

/** Codes built from the command or step name: matched by prefix and suffix. */
const PATTERNS_VI: [RegExp, string][] = [
  [/^dossier\.[A-Za-z]+\.state$/, 'Không thực hiện được ở trạng thái hiện tại của hồ sơ.'],
  [/^route\.[A-Za-z]+$/, 'Bước này không thuộc quy trình của hình thức khen thưởng của hồ sơ.'],
  [/^role\.[A-Za-z]+$/, 'Vai trò của bạn không được thực hiện thao tác này.'],
  [/^directory\.[A-Za-z]+$/, 'Vai trò của bạn không được thay đổi danh bạ (đơn vị, người dùng, Hội đồng).'],
  [/^user\.unique-[A-Za-z]+$/, 'Đã có người dùng khác đang hoạt động với thông tin này (tên đăng nhập hoặc định danh OIDC).'],
  [/^block-year\.[A-Za-z]+$/, 'Không thực hiện được ở giai đoạn hiện tại của năm thi đua của khối.'],
  [/^revocation\.[A-Za-z-]+-role$/, 'Vai trò của bạn không được hủy bỏ hoặc thu hồi khen thưởng này.'],
];

const RULES_EN: Record<string, string> = {
  'dossier.parts-complete': 'The dossier is missing required parts.',
  eligibility: 'The nominee does not meet the award criteria.',
  'decision.reason-required': 'A rejection needs a written reason.',
};

/** The message for a refusal: the catalogue's in Vietnamese, else the API's own. */
export function refusalMessage(rule: string | undefined, apiMessage: string | undefined, language: string): string {
  if (rule) {
    if (language.startsWith('vi')) {
      const hit = RULES_VI[rule] ?? PATTERNS_VI.find(([re]) => re.test(rule))?.[1];
      if (hit) return hit;
    } else if (RULES_EN[rule]) return RULES_EN[rule];
  }
  return apiMessage ?? rule ?? '';
}

/** Whether a code has a Vietnamese message (for the catalogue test). */
export const hasVietnamese = (rule: string): boolean => rule in RULES_VI || PATTERNS_VI.some(([re]) => re.test(rule));
