/**
 * Vietnamese (and English) messages for every refusal rule code the domain and the API emit (the `rule` of an error
 * body). test/web/rule-catalogue.spec.ts greps libs/domain for the codes and fails when one has no entry here.
 * An unknown code falls back to the API's own message.
 */
export const RULES_VI: Record<string, string> = {
  'ad-hoc.achievement-date': 'Hồ sơ khen thưởng đột xuất phải ghi ngày lập thành tích.',
  'ad-hoc.intake-window': 'Quá thời hạn tiếp nhận hồ sơ khen thưởng đột xuất tính từ ngày lập thành tích (quy tắc 31).',
  'award.known': 'Hình thức khen thưởng không có trong danh mục.',
  'award.subject-kind':
    'Hình thức khen thưởng này không áp dụng cho loại đối tượng đã chọn (cá nhân, tập thể, hộ gia đình).',
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
  'recovery.within-paid': 'Số tiền thu hồi vượt quá số tiền thưởng đã chi theo sổ quỹ thi đua, khen thưởng.',
  'register.decisions-only': 'Chỉ số quyết định mới có thể hủy số.',
  'register.void-allocated': 'Số này chưa từng được cấp.',
  'register.void-once': 'Số này đã bị hủy trước đó.',
  'register.void-reason': 'Hủy số phải có lý do.',
  'register.void-series': 'Số không thuộc sổ đăng ký này.',
  'register.void-unused': 'Số đã gắn với một quyết định khen thưởng: phải hủy bỏ quyết định, không hủy số.',
  'revocation.competent-authority':
    'Hủy bỏ quyết định khen thưởng thuộc thẩm quyền của cấp đã quyết định (Thủ tướng hoặc Chủ tịch nước): chỉ ghi nhận quyết định của cấp đó.',
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
  // Bulk import of the directory, and the directory's per-field rules its row errors carry.
  'directory-import.administrator': 'Chỉ quản trị viên được nhập danh bạ.',
  'directory-import.same-file': 'Tệp này đã được nhập trước đây; không nhập lại.',
  'directory-import.row-errors': 'Tệp có dòng lỗi; chưa nhập dòng nào. Sửa các lỗi được liệt kê rồi nhập lại.',
  'directory-import.empty': 'Tệp không có dòng đơn vị hay người dùng nào.',
  'directory-import.column': 'Thiếu cột bắt buộc trong tệp.',
  'directory-import.required': 'Ô bắt buộc bị để trống.',
  'directory-import.date': 'Ngày không hợp lệ (dd/MM/yyyy hoặc yyyy-MM-dd).',
  'directory-import.kind': 'Loại đơn vị không có trong danh mục.',
  'directory-import.role': 'Vai trò không có trong danh mục.',
  'directory-import.unknown-parent': 'Đơn vị cấp trên không có trong danh bạ và không có trong tệp.',
  'directory-import.duplicate': 'Trùng mã: một dòng khác trong tệp đã có cùng mã (cùng ngày hiệu lực).',
  'directory-import.overlap':
    'Thời gian hiệu lực chồng lên dòng trước của cùng đơn vị hoặc người dùng: dòng trước phải kết thúc trước ngày này.',
  'directory-import.before-parent': 'Đơn vị bắt đầu hiệu lực trước đơn vị cấp trên.',
  'directory-import.before-unit': 'Người dùng bắt đầu hiệu lực trước khi đơn vị có hiệu lực.',
  'directory-import.user-id': 'Mã người dùng không hợp lệ (2–128 chữ, số, dấu chấm, gạch, @).',
  'unit.code': 'Mã đơn vị gồm 1–64 chữ, số, dấu chấm, gạch ngang hoặc gạch dưới.',
  'unit.name': 'Đơn vị phải có tên.',
  'unit.kind': 'Loại đơn vị không hợp lệ.',
  'unit.valid-from': 'Ngày bắt đầu hiệu lực không hợp lệ.',
  'unit.valid-to': 'Ngày hết hiệu lực không hợp lệ hoặc trước ngày bắt đầu.',
  'unit.parent':
    'Đơn vị cấp trên không hợp lệ: đơn vị cấp tỉnh không có cấp trên, các đơn vị khác phải có cấp trên trong danh bạ.',
  'unit.province': 'Đơn vị phải thuộc cùng tỉnh với đơn vị cấp trên.',
  'user.unit': 'Người dùng phải thuộc một đơn vị có trong danh bạ.',
  'user.name': 'Người dùng phải có họ và tên.',
  'user.username': 'Tên đăng nhập gồm 2–128 chữ, số, dấu chấm, gạch hoặc @.',
  'user.valid-from': 'Ngày bắt đầu hiệu lực không hợp lệ.',
  'user.valid-to': 'Ngày hết hiệu lực không hợp lệ hoặc trước ngày bắt đầu.',
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
  'block.mid-year-date': 'Ngày sơ kết 6 tháng phải là một ngày hợp lệ trong năm thi đua của khối.',
  'block.mid-year-date-future': 'Chỉ ghi nhận sơ kết 6 tháng đã tổ chức: ngày sơ kết không được sau ngày hôm nay.',
  'block.mid-year-summary': 'Sơ kết 6 tháng phải có nội dung đánh giá chung.',
  'block.mid-year-remarks': 'Mỗi đơn vị thành viên có tối đa một nhận xét, và nhận xét không được để trống.',
  'block.adjustment-reason': 'Điều chỉnh điểm khi chấm chéo phải nêu lý do.',
  'block.meeting-minutes': 'Đề nghị suy tôn phải dẫn biên bản họp khối.',
  'block.flag-quota': 'Số đơn vị đề nghị tặng Cờ thi đua vượt số lượng của khối.',
  'block.flag-leading': 'Chỉ đơn vị dẫn đầu khối mới được đề nghị tặng Cờ thi đua.',
  'block.flag-member': 'Đơn vị được đề nghị không phải là thành viên của khối.',
  'block.flag-government':
    'Cờ thi đua của Chính phủ chỉ đề nghị cho đơn vị dẫn đầu khối đã được đề nghị Cờ thi đua của tỉnh.',
  'block.vote-method': 'Cuộc họp khối biểu quyết công khai hoặc bỏ phiếu kín.',
  'block.vote-present': 'Danh sách đơn vị có mặt chỉ gồm các đơn vị thành viên của khối, mỗi đơn vị một lần.',
  'block.vote-quorum': 'Cuộc họp khối không đủ số đơn vị thành viên có mặt (ít nhất hai phần ba) để bình xét, suy tôn.',
  'block.vote-tally': 'Phải ghi số phiếu tán thành cho từng đơn vị được đề nghị, không vượt quá số đơn vị có mặt.',
  'block.vote-majority': 'Đơn vị được đề nghị chưa được quá nửa số đơn vị có mặt tán thành.',
  'block.proposal-dossier-proposed': 'Đơn vị không được cuộc họp khối suy tôn đề nghị tặng Cờ thi đua này.',
  'block.proposal-dossier-once': 'Đề nghị của khối cho đơn vị này đã được lập thành hồ sơ.',
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
  'movement.name': 'Phong trào thi đua phải có tên.',
  'movement.kind': 'Loại phong trào thi đua phải là thường xuyên hoặc theo đợt, chuyên đề.',
  'movement.scope': 'Phong trào thi đua phải nêu phạm vi (tỉnh, khối thi đua, đơn vị) và mã.',
  'movement.period': 'Thời gian của phong trào thi đua không hợp lệ.',
  'movement.objectives': 'Phong trào thi đua phải nêu ít nhất một mục tiêu.',
  'movement.criteria': 'Phong trào thi đua phải nêu ít nhất một tiêu chí thi đua.',
  'movement.launch-decision': 'Quyết định phát động phải có số, ngày (trong thời gian phong trào) và người ký.',
  'movement.awards': 'Hình thức khen thưởng của phong trào không có trong danh mục.',
  'movement.quotas': 'Số lượng khen thưởng tối đa của phong trào không hợp lệ (mỗi hình thức một lần, ít nhất 1).',
  'movement.milestones': 'Ngày sơ kết, tổng kết phong trào không hợp lệ.',
  // Điển hình tiên tiến (exemplary models).
  'model.title': 'Điển hình tiên tiến phải có tên.',
  'model.summary': 'Phải nêu nội dung, kết quả nổi bật của điển hình.',
  'model.subject': 'Phải nêu cá nhân hoặc tập thể điển hình và đơn vị của họ.',
  'model.field': 'Lĩnh vực của điển hình không hợp lệ.',
  'model.found-on': 'Ngày phát hiện điển hình không hợp lệ (không sau ngày hôm nay).',
  'model.evidence': 'Mỗi minh chứng phải có tên và số, ký hiệu hoặc đường dẫn.',
  'model.registered-once': 'Điển hình này đã được đăng ký.',
  'model.known': 'Không tìm thấy điển hình tiên tiến.',
  'model.stage-order': 'Điển hình đi lần lượt: phát hiện → bồi dưỡng → nhân rộng → tôn vinh, từng bước một.',
  'model.replicated-needs-units': 'Chỉ chuyển sang “nhân rộng” khi đã có ít nhất một đơn vị khác áp dụng điển hình.',
  'model.honoured-how': 'Phải ghi hình thức tôn vinh (hội nghị, khen thưởng) hoặc đề nghị khen thưởng trước.',
  'model.replicate-fostered': 'Chỉ nhân rộng điển hình đã được bồi dưỡng.',
  'model.replication-other-unit': 'Đơn vị nhân rộng phải là đơn vị khác với đơn vị của điển hình.',
  'model.replication-once': 'Đơn vị này đã được ghi nhận nhân rộng điển hình.',
  'model.propose-fostered': 'Chỉ đề nghị khen thưởng điển hình đã được bồi dưỡng, không ngay khi mới phát hiện.',
  'model.award': 'Hình thức khen thưởng không áp dụng cho cá nhân hoặc tập thể điển hình này.',
  'model.proposed-once': 'Điển hình đã được đề nghị hình thức khen thưởng này.',
  'model.dossier': 'Đề nghị khen thưởng phải gắn với một hồ sơ.',
  'model.concurrent-change': 'Điển hình vừa được người khác cập nhật; hãy tải lại và thử lại.',
  // Thông tin ưu tiên của đối tượng (Luật Điều 5).
  'priority.occupation-group': 'Nhóm nghề nghiệp không hợp lệ.',
  'priority.gender': 'Giới tính không hợp lệ.',
  'priority.area-class': 'Khu vực không hợp lệ.',
  'priority.person-only': 'Giới tính và dân tộc thiểu số chỉ ghi cho cá nhân, không ghi cho tập thể.',
  'priority.concurrent-change': 'Thông tin vừa được người khác ghi; hãy tải lại và thử lại.',
  // Quỹ thi đua, khen thưởng (Luật Điều 90).
  'fund.revoked': 'Quyết định khen thưởng đã bị hủy bỏ: không chi thêm, phải thu hồi số tiền đã chi.',
  'fund.amount': 'Số tiền chi phải là số nguyên đồng, lớn hơn 0.',
  'fund.source': 'Nguồn kinh phí không hợp lệ.',
  'fund.voucher': 'Phải ghi số chứng từ chi.',
  'fund.paid-on': 'Ngày chi không hợp lệ (không sau ngày hôm nay).',
  'fund.paid-after-decision': 'Ngày chi không được trước ngày quyết định khen thưởng.',
  'fund.over-due': 'Tổng số tiền chi vượt mức tiền thưởng theo quy định.',
  'fund.concurrent-change': 'Vừa có khoản chi khác được ghi; hãy tải lại và thử lại.',
  'movement.launched-once': 'Phong trào thi đua đã được phát động.',
  'movement.known': 'Không có phong trào thi đua này.',
  'movement.status-order': 'Phong trào thi đua chuyển lần lượt: phát động → đang thực hiện → đã tổng kết → kết thúc.',
  'movement.final-review-date': 'Chưa đến ngày tổng kết phong trào thi đua.',
  'movement.ceremony-after-decisions':
    'Ngày tổ chức lễ sơ kết, tổng kết không được trước ngày của quyết định khen thưởng gần nhất của phong trào.',
  'movement.ceremony-date': 'Lễ sơ kết, tổng kết phải nêu đợt (sơ kết hoặc tổng kết) và ngày hợp lệ.',
  'movement.ceremony-closed': 'Phong trào thi đua đã kết thúc; không đặt lịch lễ sơ kết, tổng kết nữa.',
  'movement.concurrent-change': 'Phong trào thi đua vừa được người khác thay đổi; tải lại và thử lại.',
  'registration.deadline': 'Đã hết hạn đăng ký thi đua của năm.',
  'registration.state': 'Bản đăng ký thi đua đã gửi hoặc đã được chấp nhận; chỉ gửi lại khi bị trả lại.',
  'registration.subjects': 'Danh sách đăng ký thi đua không hợp lệ (tên, danh hiệu, đối tượng).',
  'registration.concurrent-change': 'Bản đăng ký thi đua vừa được người khác thay đổi; tải lại và thử lại.',
  'registration.rule': 'Bộ quy định đang áp dụng chưa có thiết lập về đăng ký thi đua.',
  'registration.return-reason': 'Trả lại bản đăng ký thi đua phải nêu lý do.',
  'document.issuer': 'Vai trò của bạn không được ban hành loại văn bản này.',
  'document.issue-once': 'Văn bản này đã được ban hành; không ban hành lần thứ hai.',
  'document.hash': 'Văn bản ban hành phải ghi mã băm SHA-256 của tệp PDF.',
  'document.decided': 'Văn bản chỉ có sau khi người có thẩm quyền ký quyết định khen thưởng.',
  'document.proposed':
    'Tờ trình chỉ có sau khi Chủ tịch ký tờ trình gửi Trung ương (hình thức khen thưởng cấp Nhà nước).',
  'document.closed': 'Biên bản chỉ có sau khi phiên họp kết thúc.',
  'document.template': 'Chưa có mẫu văn bản cho cấp quyết định này.',
  'attachment.editor': 'Chỉ cán bộ văn thư của đơn vị lập hồ sơ được đính kèm tệp.',
  'attachment.editable-state': 'Chỉ đính kèm tệp khi hồ sơ đang soạn, bị trả lại hoặc được yêu cầu bổ sung.',
  'attachment.part': 'Thành phần hồ sơ không hợp lệ.',
  'attachment.content-type': 'Chỉ nhận tệp PDF, JPEG, PNG, DOCX hoặc XLSX.',
  'attachment.unsupported-type': 'Nội dung tệp không phải PDF, JPEG, PNG, DOCX hoặc XLSX.',
  'attachment.too-large': 'Tệp vượt quá dung lượng cho phép.',
  'attachment.empty': 'Tệp rỗng.',
  'attachment.hash': 'Tệp đính kèm phải ghi mã băm SHA-256.',
  'attachment.once': 'Tệp này đã được đính kèm.',
  'attachment.replaces-unknown': 'Không tìm thấy tệp cần thay thế trong hồ sơ.',
  'attachment.replaces-other-part': 'Tệp cần thay thế thuộc thành phần hồ sơ khác.',
  'attachment.replaces-current': 'Tệp này đã được thay bằng phiên bản mới; hãy thay phiên bản hiện hành.',
  'event-store.storable-data': 'Dữ liệu có ký tự không lưu được.',
  IDEMPOTENCY_KEY_REUSED: 'Khóa chống gửi trùng đã được dùng cho một yêu cầu khác.',
};

/** Codes built from the command or step name: matched by prefix and suffix. */
const PATTERNS_VI: [RegExp, string][] = [
  [/^dossier\.[A-Za-z]+\.state$/, 'Không thực hiện được ở trạng thái hiện tại của hồ sơ.'],
  [/^route\.[A-Za-z]+$/, 'Bước này không thuộc quy trình của hình thức khen thưởng của hồ sơ.'],
  [/^role\.[A-Za-z]+$/, 'Vai trò của bạn không được thực hiện thao tác này.'],
  [/^directory\.[A-Za-z]+$/, 'Vai trò của bạn không được thay đổi danh bạ (đơn vị, người dùng, Hội đồng).'],
  [
    /^user\.unique-[A-Za-z]+$/,
    'Đã có người dùng khác đang hoạt động với thông tin này (tên đăng nhập hoặc định danh OIDC).',
  ],
  [/^block-year\.[A-Za-z]+$/, 'Không thực hiện được ở giai đoạn hiện tại của năm thi đua của khối.'],
  [/^revocation\.[A-Za-z-]+-role$/, 'Vai trò của bạn không được hủy bỏ hoặc thu hồi khen thưởng này.'],
];

const RULES_EN: Record<string, string> = {
  'dossier.parts-complete': 'The dossier is missing required parts.',
  eligibility: 'The nominee does not meet the award criteria.',
  'decision.reason-required': 'A rejection needs a written reason.',
};

/**
 * Eligibility criteria (an `eligibility` refusal lists them in `details.criteria`) whose failure the person is told in
 * Vietnamese beside the refusal; the others stay in the dossier's eligibility table.
 */
const CRITERIA_VI: Record<string, string> = {
  'movement.quota':
    'Phong trào thi đua đã đủ số lượng khen thưởng tối đa cho hình thức này (theo quyết định phát động).',
};
const CRITERIA_EN: Record<string, string> = {
  'movement.quota': 'The movement’s quota for this award (set by its launch decision) is reached.',
};

/** The failed blocking criteria of an `eligibility` refusal that have a message in the person's language. */
export function failedCriteriaMessages(details: unknown, language: string): string[] {
  const criteria = (details as { criteria?: unknown } | undefined)?.criteria;
  if (!Array.isArray(criteria)) return [];
  const catalogue = language.startsWith('vi') ? CRITERIA_VI : CRITERIA_EN;
  return (criteria as { id?: string; passed?: boolean; severity?: string }[])
    .filter((c) => c.passed === false && c.severity === 'BLOCK' && c.id && catalogue[c.id])
    .map((c) => catalogue[c.id as string]);
}

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
