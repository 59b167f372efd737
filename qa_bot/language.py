"""The Vietnamese word lists and patterns that question analysis and answer checks rely on.

Everything language- and genre-specific lives here, in one place, so it can be read and extended
without touching the pipeline. Patterns are matched on *folded* text (lower case, no diacritics,
``đ`` -> ``d``; see :func:`qa_bot.normalize.fold`) unless their name ends in ``_CASED``: helpdesk
staff often type without marks, and folding keeps character offsets.

Groups:

- question types: what kind of answer a question asks for (``QUESTION_TYPES``), and the kinds of
  list a "những gì / nào" question asks for (``LIST_KINDS``);
- constraints: years, session ordinals, provinces, named bodies, people, document numbers;
- temporal words ("gần đây nhất", "đầu tiên", "năm ngoái");
- sentence cues: what makes a sentence state a request, a shortcoming, a task, a result, and
  what makes it praise or setting rather than content;
- answer-type evidence: what a sentence must hold to answer a number, date, person, organisation
  or place question.
"""

from __future__ import annotations

import re
import unicodedata

#: Upper-case letters of Vietnamese (and plain Latin), for patterns on cased text.
UPPER = "A-Z" + "".join(sorted({c for c in map(chr, range(0xC0, 0x1EFA))
                                if c.isupper() and unicodedata.category(c) == "Lu"}))
LOWER = "a-z" + "".join(sorted({c for c in map(chr, range(0xC0, 0x1EFA))
                                if c.islower() and unicodedata.category(c) == "Ll"}))

# -- question types ---------------------------------------------------------------------------
NUMBER, DATE, PERSON, ORGANISATION, PLACE, LIST, DEFINITION, YES_NO, OTHER = (
    "number", "date", "person", "organisation", "place", "list", "definition", "yes_no", "other")

#: What asks for several things ("những gì", "các nhiệm vụ ... nào", "liệt kê"), folded.
_LIST_WORDS = (r"nhung (gi|nao|noi dung|nhiem vu|giai phap|viec|diem|ket qua|han che|ton tai|yeu cau)|"
               r"cac (noi dung|nhiem vu|giai phap|yeu cau|han che|ton tai|ket qua|viec)\b.*\b(gi|nao)|"
               r"gom (nhung )?gi|bao gom|liet ke|ke ten")
LIST_WORDS = re.compile(rf"\b({_LIST_WORDS})")
#: A question ending in "nào" asks for one thing ("ở quốc gia nào?") unless it asks for several
#: ("những nước nào", "hai triều đại nào"), how ("như thế nào"), or the cases, grounds, conditions
#: something holds in ("trường hợp nào", "cơ sở nào", "điều kiện nào": a law lists them).
MANY_WHICH = re.compile(r"\b((nhung|cac|hai|ba|bon)\s+(\w+\s+){0,3}|the |truong hop |co so |can cu |"
                        r"dieu kien )nao\s*\??$")
#: "Những / các N nào" anywhere in a question asks for several things of a kind (folded), each
#: named its own way ("Những quận nào có ...?").
SEVERAL_WHICH = re.compile(r"\b(?:nhung|cac)\s+(?:\w+\s+){1,4}?nao\b")
#: Words before "nào" that ask when ("khi nào", "lúc nào", "hồi nào", "dạo nào"), not for a thing
#: of a kind (lower case, with marks).
WHEN_WORDS = frozenset({"khi", "lúc", "hồi", "dạo"})
#: Question type -> pattern on the folded question. Checked in this order; the first match wins
#: ("bao nhiêu nhiệm vụ" asks for a number, "những nhiệm vụ nào" for a list).
QUESTION_TYPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "dòng thời gian nào", "không gian-thời gian nào": a timeline, a space-time, not a time
    # "trước thời hạn nào", "hạn chót", "mốc thời gian nào": a deadline is a date
    (DATE, re.compile(r"\b(khi nao|bao gio|ngay nao|nam nao|(?<!dong )(?<!-)thoi gian nao|luc nao|"
                      r"thoi diem nao|hom nao|thang nao|ngay may|ngay bao nhieu|vao ngay nao|"
                      r"thoi han nao|han chot|moc (?:thoi gian )?nao|thang may|"
                      r"dien ra ngay|buoi nao|(buoi )?sang hay (buoi )?chieu|"
                      r"(buoi )?chieu hay (buoi )?sang)\b")),
    (NUMBER, re.compile(r"\b(bao nhieu|may|bao lau)\b")),
    (PERSON, re.compile(r"\b(ai|nguoi nao|dong chi nao|(?<!don )vi nao|lanh dao nao)\b|"
                        r"\b(chu tich|giam doc|bi thu|truong ban|bo truong|thu truong|lanh dao)\b"
                        r"[^?]{0,25}\bnao\b")),
    (ORGANISATION, re.compile(r"\b(co quan nao|don vi nao|(?<!co )(?<!tru )so nao|bo nao|(?<!van )ban nao|"
                              r"to chuc nao|nganh nao|cap nao|bo phan nao|phong ban nao|phong nao)\b")),
    (PLACE, re.compile(r"\b(o dau|tai dau|noi nao|dia phuong nao|tinh nao|diem cau nao|"
                       r"thanh pho nao|huyen nao|dia diem nao|tru so nao|hoi truong nao|phong hop nao)\b")),
    (LIST, re.compile(rf"\b({_LIST_WORDS}|nao\s*\??$)")),
    # chat spellings of "không" ("đúng ko ạ", "phải k", "hông") and a closing particle
    (YES_NO, re.compile(r"(\bco phai\b|\b(?:phai|dung) (?:khong|ko|k|hok|hong|kg|khg)\b|\bco dung\b|"
                        r"\b(co|da|duoc)\b.*\bkhong\s*(?:a|nhe|vay)?\s*\??$|\bchua\s*(?:a|nhe|vay)?\s*\??$)")),
    (DEFINITION, re.compile(r"\b(la gi|nghia la|duoc hieu|the nao la|la sao)\b")),
)

#: A question about shortcomings or solutions without "những/các" (checked when no other type
#: matched, or a definition did): the noun asked with "gì/nào" ("đưa ra giải pháp gì", "hạn chế
#: nào"), or opening the question that ends "là gì" with words between ("Hạn chế của CCHC năm 2024
#: là gì?"; "Giải pháp là gì?" alone asks what the word means); results achieved ("đã đạt được
#: kết quả gì"). Not tasks: "Nhiệm vụ chính của X là gì?" is often one sentence.
LIST_NOUN_QUESTION = re.compile(
    r"\b(han che|ton tai|yeu kem|bat cap|kho khan|vuong mac|giai phap|bien phap)"
    r"(\s+(chu yeu|chinh|cu the))?\s+(gi|nao)\b|"
    r"^\s*(cac\s+|nhung\s+)?(han che|ton tai|yeu kem|bat cap|kho khan|vuong mac|giai phap|bien phap)"
    r"\b(\s+\S+){2,}?\s+(la gi|gom gi|la nhung gi)\s*\??\s*$|"
    r"\bdat duoc (cac |nhung )?(ket qua|thanh tuu|thanh tich) (gi|nao)\b")
#: Words that ask for a figure only when no other interrogative says what is asked ("tỷ lệ ... năm
#: 2024?", "số lượng ... là gì?" ask for a number; "nghĩa vụ gì nếu không trả đúng số lượng" does not).
WEAK_NUMBER = re.compile(r"\b(ty le|ti le|so luong|con so|phan tram|so lieu)\b")
#: ... and the least or most of something, asked without any interrogative ("Điểm rèn luyện tối
#: thiểu để nộp hồ sơ?"; not "... tối đa của khóa học ... được gọi là gì?").
EXTREME_NUMBER = re.compile(r"\b(toi thieu|toi da|it nhat|nhieu nhat)\b")
#: Marked forms an organisation question needs when the question has its marks ("số nào" asks for
#: a number, "sở nào" for a department; "văn bản nào", "bạn nào" are no bodies).
ORGANISATION_MARKED = re.compile(r"\b(cơ quan|đơn vị|sở|bộ|ban|tổ chức|ngành|cấp|bộ phận|phòng ban|"
                                 r"phòng) nào\b")
#: Marked forms a date question needs when the question has its marks ("khí nào" asks for a gas,
#: "quyền lực nào" for a power, not "khi nào", "lúc nào"); the same words typed without marks count.
DATE_MARKED = re.compile(r"\b(khi nào|bao giờ|ngày nào|năm nào|thời gian nào|lúc nào|thời điểm nào|hôm nào|"
                         r"tháng nào|ngày mấy|ngày bao nhiêu|diễn ra ngày|khi nao|luc nao|bao gio|buổi nào|"
                         r"thời hạn nào|hạn chót|mốc (?:thời gian )?nào|tháng mấy|"
                         r"(buổi )?sáng hay (buổi )?chiều|(buổi )?chiều hay (buổi )?sáng)\b")
#: "ai" inside a clause ("mà biết ai là chủ sở hữu thì phải làm gì"): not what is asked.
EMBEDDED_WHO = re.compile(r"\b(biet|hoi|xem|hay) ai\b")

#: A question about issuing or signing a document (lower-cased, with its marks: "kỳ" is no "ký").
ISSUING = re.compile(r"\b(ban hành|ký|phát hành)\b")
SIGNING = re.compile(r"\bký\b")

#: "what did ... require / emphasise / direct" (a list of requests even without "những"); not "gì"
#: after a preposition, which asks for a thing of the action proposed ("đã đề xuất thanh toán các
#: khoản trợ cấp bằng gì?": a means, not the proposals).
REQUEST_QUESTION = re.compile(
    r"(?<!ban )(?<!quyen )(?<!khi co )\b(yeu cau|nhan manh|chi dao|de nghi|luu y|de ra|giao|ket luan|"
    r"quan triet|chi ra|kien nghi|de xuat|bao cao|phat bieu|nhac nho)\b(?!\s+cua\b)"
    r"(\s+\S+){0,8}?\s+((?<!\bbang )(?<!\bvoi )gi|\w+ nao|"
    r"nhung gi|dieu gi|noi dung gi|viec gi|nhiem vu gi|nhung (noi dung|nhiem vu|"
    r"viec|dieu|van de) nao|ra sao|the nao|nhu the nao)(?!\w)")

#: A question about the penalty for a case ("thì bị phạt như thế nào", "bị xử phạt ra sao",
#: "hình phạt nào"): the penalty the law sets, one sentence, not a list (folded).
ASKS_PENALTY = re.compile(r"\b(?:bi|se bi|thi bi) (?:xu )?phat (?:nhu )?(?:the nao|ra sao)|"
                          r"\bhinh phat (?:nao|gi)\b")

#: "làm sao", "làm thế nào", "làm như thế nào", "làm cách nào": how, whose "làm" only asks
#: (folded).
HOW_ASKED = re.compile(r"\blam (?:sao|the nao|nhu the nao|cach nao)\b")
#: An opening that only bids the reader name or list ("Kể tên một bệnh tự miễn dịch thường gặp.",
#: "Theo Bộ luật dân sự, hãy liệt kê ...", "Nêu tên ..."): the texts say the things, not the
#: bidding. Lower case with marks ("nêu" is not "nếu"; "kể từ" is "since").
NAME_BID = re.compile(r"(?:^|[,:]\s*)(?:(hãy)\s+)?(kể tên|nêu tên|liệt kê|kể(?! từ)|nêu)(?!\w)")
#: ... its words as tokens.
NAME_BID_TOKENS = {"hãy": ("hãy",), "kể tên": ("kể", "tên", "kể_tên"), "nêu tên": ("nêu", "tên", "nêu_tên"),
                   "liệt kê": ("liệt", "kê", "liệt_kê"), "kể": ("kể",), "nêu": ("nêu",)}
#: A third-person pronoun for one person or thing in a question ("Ông ấy được Nixon chọn vào năm
#: nào?", "nó được gọi là gì"): it points to what the question does not name, and the texts name
#: it instead, so it is no evidence. Lower case with marks ("nó" is not "nợ", "nở"). Not "họ",
#: "chúng ta": a group the texts may call so too.
PRONOUNS = re.compile(r"(?<!\w)(?:(?:ông|bà|anh|cô|chị) (?:ấy|ta)|nó|hắn)(?!\w)")

#: "Định nghĩa (của) X", "Khái niệm X" opening a question: the asking frame of a definition
#: question, not words its answer says (folded).
DEFINITION_FRAME = re.compile(r"\s*(dinh nghia|khai niem)\b")

#: "Đây là ...", "Đó là ...": a sentence saying what the sentence before names (its opening, often a
#: label: "Tài khoản Dreamspark và Office365: Mức độ quan trọng 6/10. Đây là hệ thống phần mềm
#: ...") is (folded).
THIS_IS = re.compile(r"\s*(?:day|do|dieu nay) (?:la|duoc hieu la|chinh la)\b")

#: Whom a rule is for: "Học bổng loại Giỏi: áp dụng đối với SV đạt ...", "chỉ dành cho các sinh viên
#: đang theo học": the people a question asking who may or must ("Ai được nhận học bổng loại giỏi?",
#: "Ai có thể đăng ký ...?"; WHO_MAY) asks about, named by what they are (folded).
APPLIES_TO = re.compile(r"\b(?:ap dung (?:doi )?voi|danh cho|doi tuong (?:la|gom|bao gom))\b")
WHO_MAY = re.compile(r"\b(?:ai|nhung ai) (?:se )?(?:duoc|co the|phai|can)\b")

#: What a regulation of education adds to the name of a term and a question leaves out: "Chuyên
#: ngành đào tạo là ..." defines what "Chuyên ngành là gì?" asks; a law names the instrument its
#: term is ruled in ("Quyền nhân thân được quy định trong Bộ luật này là quyền dân sự ...") (folded).
TERM_QUALIFIER = (r"(?:\s+dao tao)?(?:\s+(?:duoc )?(?:qu[iy] dinh|noi) (?:tai|trong|o) "
                  r"(?:bo luat|luat|nghi dinh|thong tu|qu[iy] che|qu[iy] dinh|van ban) nay)?")

#: A question asking where a matter is ruled ("Quy định nào nói về việc cấp bằng?", "Ở đâu quy định
#: về ...?", "... quy định tại điều nào ...?", "Cơ sở pháp lí của ...?"), and a sentence citing an
#: article or clause ("quy định tại Điều 14", "Khoản 2, Điều 6") (folded).
ARTICLE_ASKED = re.compile(r"\b(?:quy dinh nao|o dau quy dinh|dieu (?:luat )?nao|co so phap l[iy])\b")
ARTICLE_CITED = re.compile(r"\b(?:dieu|khoan) \d+\b")

# -- list kinds ---------------------------------------------------------------------------------
REQUESTS, SHORTCOMINGS, TASKS, RESULTS, SOLUTIONS = (
    "requests", "shortcomings", "tasks", "results", "solutions")

#: List kind -> words in the folded question that name it (first match wins).
LIST_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (SHORTCOMINGS, re.compile(r"\b(han che|ton tai|yeu kem|bat cap|kho khan|vuong mac|thieu sot|"
                              r"diem nghen|chua lam duoc|nhuoc diem)\b")),
    (SOLUTIONS, re.compile(r"\b(giai phap|bien phap|cach lam|khac phuc)\b")),
    (TASKS, re.compile(r"\b(nhiem vu|phuong huong|ke hoach|uu tien|trong tam|viec can lam|"
                       r"can lam gi|phai lam gi)\b")),
    (RESULTS, re.compile(r"\b(ket qua|thanh tuu|dat duoc|thanh tich)\b")),
    # ("giao" is left to the marked check of request_verb: folded, "Giáo hội" reads "giao")
    (REQUESTS, re.compile(r"\b(yeu cau|nhan manh|chi dao|de nghi|luu y|de ra|ket luan|chi ra|"
                          r"quan triet|noi gi|phat bieu)\b")),
)

#: Tasks and solutions named together ("những nhiệm vụ, giải pháp gì", "nhiệm vụ và biện pháp"; folded):
#: in administrative writing one frame, a plan's tasks, not a list of solutions alone.
TASK_FRAME = re.compile(r"\bnhiem vu\s*(?:,|va|hoac)\s*(?:giai phap|bien phap)\b")
#: Shortcomings a question says are being removed ("tháo gỡ khó khăn, vướng mắc"): what it asks
#: for is the fields or the solutions, not a list of shortcomings (blanked before LIST_KINDS).
REMOVED_SHORTCOMINGS = re.compile(
    r"\b(thao go|khac phuc|giai quyet|xu ly|go)\s+(cac |nhung )?(han che|ton tai|yeu kem|bat cap|kho khan|"
    r"vuong mac|diem nghen)((,|\s+va)?\s+(han che|ton tai|yeu kem|bat cap|kho khan|vuong mac|diem nghen))*")

#: Folded sentence cues that *open* a region of points of each kind ("yêu cầu của" is a noun,
#: "Ban Chỉ đạo" a name, not a verb).
LIST_CUES: dict[str, re.Pattern[str]] = {
    REQUESTS: re.compile(r"\b(yeu cau(?! cua)|nhan manh|de nghi|luu y|phat bieu chi dao|"
                         r"chi dao:|giao nhiem vu|ket luan|can phai|phai la)\b"),
    SHORTCOMINGS: re.compile(r"\b(han che|ton tai|yeu kem|bat cap|thieu sot|chua dat|con cham|"
                             r"con thap|chua quan tam|chua thuc su)\b"),
    TASKS: re.compile(r"\b(nhiem vu|phuong huong|tap trung|uu tien|trien khai|thong nhat tap trung|"
                      r"ke hoach)\b"),
    RESULTS: re.compile(r"\b(ket qua|dat duoc|hoan thanh|dat ty le|tang|giam|thanh tuu)\b|\d{2,}"),
    SOLUTIONS: re.compile(r"\b(giai phap|bien phap|khac phuc|de xuat|kien nghi)\b"),
}
#: Verbs that take a cue word as their object, so it announces nothing ("tháo gỡ khó khăn").
CUE_NEGATED = re.compile(r"\b(xu ly|thao go|khac phuc|giai quyet|go bo|loai bo)\b[^.;:]*$")
#: Paraphrases that count as the same list kind when matching sentences and questions.
LIST_KIND_WORDS: dict[str, tuple[str, ...]] = {
    SHORTCOMINGS: ("hạn chế", "tồn tại", "yếu kém", "bất cập"),
    REQUESTS: ("yêu cầu", "đề nghị", "chỉ đạo", "nhấn mạnh", "lưu ý"),
    TASKS: ("nhiệm vụ", "phương hướng"),
    SOLUTIONS: ("giải pháp", "biện pháp"),
    RESULTS: ("kết quả",),
}

#: Sentences that praise or set the scene rather than state a point (left out of request and
#: shortcoming lists).
PRAISE = re.compile(r"\b(danh gia cao|ghi nhan|hoan nghenh|bieu duong|khen ngoi|chuc mung|"
                    r"tham du|du tai diem cau|cung tham du|chu tri|dong chu tri)\b")

#: A sentence that states an enumeration's items after a colon.
ENUM_SPLIT = re.compile(r";\s+|:\s+(?=\S)|\s+\(\d{1,2}\)\s+|(?<=[.…])\s+(?=[A-ZĐÀ-Ỹ])")

# -- constraints --------------------------------------------------------------------------------
#: A year of the reform era (not inside a longer number).
YEAR = re.compile(r"(?<![\d/.,-])(19[5-9]\d|20\d\d)(?![\d/])")
#: Year ranges: "2021-2030", "2016 - 2021"; and "từ năm 2015 đến nay".
YEAR_RANGE = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)\s*[-–]\s*(19[5-9]\d|20\d\d)(?!\d)")
#: A period that names a programme ("Chương trình tổng thể CCHC nhà nước giai đoạn 2021-2030",
#: "Kế hoạch ... giai đoạn 2021-2025"), folded: the programme's span, not the years a sentence
#: speaking of it is about ("Năm 2024, ... thực hiện hiệu quả Chương trình ... 2021-2030").
PROGRAMME_PERIOD = re.compile(r"\b(?:chuong trinh|chien luoc|ke hoach|de an|quy hoach)\b[^,;.:()]{0,60}?"
                              r"\bgiai doan\s+(?:19[5-9]\d|20\d\d)\s*[-–]\s*(?:19[5-9]\d|20\d\d)(?!\d)")
YEAR_SINCE = re.compile(r"\btu (?:nam )?(19[5-9]\d|20\d\d) (den nay|toi nay|den hien nay|toi gio|den gio)\b")
#: A question asking about the meeting that reviewed a year ("họp đánh giá kết quả CCHC năm 2024",
#: "tổng kết năm 2023"), folded: group 1 the year reviewed.
REVIEW_ASKED = re.compile(r"\b(?:danh gia|tong ket|so ket)\b(?: ket qua)?[^?,;]{0,50}?"
                          r"\bnam (19[5-9]\d|20\d\d)\b")
#: A year that dates a meeting ("phiên họp năm 2024", "hội nghị của tỉnh năm 2021"): the year the
#: meeting was held, i.e. its report's date, not the years it reviewed.
EVENT_YEAR = re.compile(r"\b(phien hop|hoi nghi|cuoc hop|buoi lam viec|ky hop|bai|bai viet|bai bao|tin bai)"
                        r"(\s+(thu [^\s,;]+|cua [^,?]{1,40}?))?"  # a comma ends the meeting's name
                        r"\s+\(?(nam|trong nam|vao nam|dau nam|cuoi nam|dang nam)\s+"
                        r"(?P<year>19[5-9]\d|20\d\d)\b|"
                        r"\bnam (?P<year2>19[5-9]\d|20\d\d),? (cac |nhung )?"
                        r"(phien hop|hoi nghi|cuoc hop|ky hop)\b|"
                        # "(hội nghị tháng 2/2024)", "bài ngày 3/3/2021": dated by day or month
                        r"\b(?:phien hop|hoi nghi|cuoc hop|buoi lam viec|ky hop|bai|bai viet|bai bao|tin bai)"
                        r"(?:\s+dang)?\s+(?:ngay\s+\d{1,2}\s*[/.-]\s*|thang\s+)(?P<month>\d{1,2})\s*[/.-]\s*"
                        r"(?P<year3>19[5-9]\d|20\d\d)\b")
#: Years that are only a point of comparison ("so với năm 2021"; "..., so với 734.000 dặm vuông
#: (1.900.000 km vuông) vào năm 2005": the other year's figure, in the same clause, not past a
#: comma), not what a sentence is about.
YEAR_COMPARED = re.compile(r"\bso voi (?:cung ky )?"
                           r"(?:nam |(?:[^.,;:]|[.,](?=\d)){0,60}?\b(?:vao |trong |cua )?nam )?"
                           r"(19[5-9]\d|20\d\d)")
#: A question asking for a postal address ("ở địa chỉ nào", "có địa chỉ ở đâu", "Địa chỉ của X là
#: gì?"; folded), not an e-mail or web address, nor what to do with one ("biết địa chỉ của người
#: đó thì phải làm gì?").
ADDRESS_ASKED = re.compile(r"\bdia chi(?! (?:e-?mail|mail|thu|web|website|trang|ip|url)\b)"
                           r"(?:\s+(?!(?:thi|lam|phai|neu|khi|duoc|de)\b)\S+){0,6}?"
                           r"\s+(?:nao|o dau|tai dau|la gi|gi)(?:\s+(?:vay|a|nhi|nhe|the|day|ha|ah))*"
                           r"\s*\??\s*$")
#: What an address says (folded): a house number and a street ("số 7, đường ...", "12/3 phố ..."),
#: a label ("Địa chỉ: ..."), or a ward with its district ("phường 6, thành phố Bến Tre").
ADDRESS = re.compile(r"\b(?:so (?:nha )?)?\d+[a-z]?(?:/\d+[a-z]?)*\s*,?\s*"
                     r"(?:duong|pho|ngo|hem|kiet|quoc lo|tinh lo|dai lo)\s+\w|"
                     r"\bdia chi\s*(?::|la|tai|o so)\s*\w|"
                     r"\b(?:phuong|xa|thi tran)\s+[^,.;]{1,30},\s*(?:quan|huyen|thi xa|thanh pho|tp)\b")
#: A question asking for a telephone number ("Số điện thoại / đường dây nóng / hotline ... là số
#: nào?", "là gì?", "là bao nhiêu?", "gọi số nào?"; folded): its "số" is no count, and a year or a
#: figure in the answer is no number to call.
PHONE_ASKED = re.compile(r"\b(?:so dien thoai|dien thoai|duong day nong|hotline|so fax|tong dai)\b"
                         r"[^?]*\b(?:so nao|la gi|bao nhieu|so may|so gi)\b|"
                         r"\bgoi (?:vao |den |toi )?so (?:nao|may|gi)\b")
#: A telephone number in a sentence: a run of digits with the separators people write ("0258.
#: 3822.222", "(0219) 3 868 868", "+84 ..."), read by answer_type.phone_numbers (8 to 12 digits from
#: "0", "+84", "1800", "1900"), or a short line after its name ("đường dây nóng 1022").
PHONE_RUN = re.compile(r"(?<![\w.,/])\(?\+?\d[\d\s().-]{5,}\d(?![\w/])")
PHONE_SHORT = re.compile(r"\b(?:đường dây nóng|hotline|tổng đài|gọi(?: đến| tới| vào)?(?: số)?)\s*:?\s*"
                         r"\d{3,5}\b", re.IGNORECASE)
#: A question asking for a change against another point ("So với năm 2023, số người tinh giản biên
#: chế năm 2024 tăng hay giảm bao nhiêu?", "cao hơn bao nhiêu so với năm trước"; folded): its answer
#: compares, the figure of one side alone does not answer it.
CHANGE_ASKED = re.compile(r"\b(?:tang hay giam|giam hay tang|tang hoac giam|tang giam|chenh lech)\b|"
                          r"\bso voi\b.*\b(?:tang|giam|hon|kem|thay doi|gap)\b|"
                          r"\b(?:tang|giam|hon|kem|thay doi|gap)\b.*\bso voi\b")
#: What a sentence that compares says: "tăng 5%", "giảm so với", "gấp 4 lần", "cao hơn", "chênh
#: lệch" (lower case, with its marks); not "tăng cường" (to strengthen), nor a comparison with a
#: norm or a plan ("rút ngắn 30% thời gian so với quy định").
CHANGE_STATED = re.compile(r"\b(?:tăng(?! cường)|giảm(?! sát| thiểu)|hơn|kém|gấp|chênh lệch|"
                           r"so với(?! (?:quy định|kế hoạch|chỉ tiêu|mục tiêu|yêu cầu|dự toán)))\b")
#: A question asking why ("Tại sao", "Vì sao", "lý do gì"; lower case with its marks: folded,
#: "đỡ đầu" would read "do dau").
ASKS_WHY = re.compile(r"\b(?:tại sao|vì sao|vì đâu|do đâu|lý do (?:gì|nào|là gì)|"
                      r"nguyên nhân (?:gì|nào|là gì))(?!\w)")
#: What a sentence giving a reason, a purpose or a condition says: "vì", "do", "nhằm", "để",
#: "nguyên nhân", "nếu", "khi"... A why-question's answer holds one of them in a clause about the
#: premise it explains (answer._gives_reason). As syllable runs (normalised syllables,
#: :func:`qa_bot.tokens.surface_tokens`), read off a sentence's syllables; each with the syllables
#: before it that make it another word:
#: "tự do" (free), "thay vì" (instead of), "trở nên" / "tạo nên" (become / make), "loại trừ",
#: "khấu trừ" (remove, deduct), and "do" after "được" / "bị", which names who does it ("được
#: thành lập do ...", not why).
REASON_LINKS: dict[tuple[str, ...], frozenset[str]] = {
    tuple(k.split()): frozenset(v.split()) for k, v in {
        "vì": "thay", "do": "tự được bị", "bởi": "", "nên": "trở tạo", "nhằm": "", "để": "",
        "nguyên nhân": "", "lý do": "", "lí do": "", "dẫn đến": "", "dẫn tới": "", "khiến": "",
        "nhờ": "", "giúp": "", "góp phần": "", "mục đích": "", "mục tiêu": "", "nếu": "", "khi": "",
        "trường hợp": "", "trừ": "loại khấu miễn", "làm căn cứ": "", "làm cơ sở": "", "bảo đảm": "",
        "đảm bảo": "", "phục vụ": "", "tạo điều kiện": "", "do đó": "", "vì vậy": "", "vì thế": "",
        "cho nên": ""}.items()}
#: Links that say the consequence follows them ("vì ... nên Costa không có quyền khiếu nại", "và do
#: đó thấy rằng không cần phải chấp nhận hình phạt"): the premise they explain comes after them;
#: the others ("... vào năm 2013 vì ...", "... được lập để ...") explain what comes before them,
#: or what follows when they open the clause ("Do cơ thể mềm mại ..., hóa thạch ... hiếm").
FORWARD_LINKS = frozenset({("nên",), ("dẫn", "đến"), ("dẫn", "tới"), ("khiến",), ("do", "đó"), ("vì", "vậy"),
                           ("vì", "thế"), ("cho", "nên")})
#: Most syllables before a link that opens its clause ("Tuy nhiên, do ...").
LINK_OPENS = 2
#: Links that explain only a question of their own mood: a negation ("không được xem xét miễn
#: học") or a lack explains why something is not or has not been done ("Vì sao ... không được
#: duyệt?"), an obligation why something must be ("Vì sao cần phải ...?"). Else they only state
#: a fact: "tiếp cận ... chưa thực sự thông thoáng", "còn tình trạng nể nang, thiếu tiêu chí" give
#: no reason for "Vì sao Phó Thủ tướng chủ trì ...?", "Tại sao ... còn nể nang?".
NEGATION_LINKS = frozenset({("không",), ("chưa",), ("chẳng",), ("thiếu",)})
OBLIGATION_LINKS = frozenset({("cần",), ("phải",), ("yêu", "cầu"), ("bắt", "buộc")})
#: ... and the question words that give a why-question that mood (normalised syllables).
NEGATED = frozenset({"không", "chưa", "chẳng", "chả", "thiếu"})
OBLIGED = frozenset({"cần", "phải", "bắt", "buộc"})
#: Verbs of speech (and thought) in news reports: the person before one speaks ("Phó Thủ tướng nhấn mạnh:
#: Xây dựng Chính phủ điện tử nhằm ..."), the reason after it is the speech's, not the speaker's.
SPEECH_VERBS = frozenset({("nhấn", "mạnh"), ("yêu", "cầu"), ("đề", "nghị"), ("chỉ", "đạo"),
                          ("phát", "biểu"), ("cho", "rằng"), ("cho", "biết"), ("khẳng", "định"),
                          ("hoan", "nghênh"), ("lưu", "ý"), ("chỉ", "ra"), ("nêu", "rõ"),
                          ("đánh", "giá"), ("ghi", "nhận"), ("kết", "luận"), ("cảm", "thấy"),
                          ("tin", "rằng"), ("nghĩ", "rằng")})
#: A part of a year a question may ask about ("6 tháng đầu năm", "quý II", "nửa cuối năm"; folded).
YEAR_PART = re.compile(r"\b(?:(?:6|sau) thang (?:dau|cuoi) nam|nua (?:dau|cuoi) nam|"
                       r"quy (?:iv|i{1,3}|[1-4]))\b")
#: Dates with a year inside ("15/1/2025"): the year of an event, counted like a year.
DATE_YEAR = re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-](19[5-9]\d|20\d\d)\b")

#: A session ordinal: "phiên họp thứ chín", "phiên thứ 7", "phiên họp lần thứ 3", "kỳ họp thứ 8".
SESSION = re.compile(r"\b(phien hop|phien|ky hop|hoi nghi|lan)\s+(lan\s+)?thu\s+(\S+(?:\s+\S+){0,2})")
SESSION_WORD = "phiên họp"
#: An ordinal after a session word as the diacritics restorer may mark it ("phien hop thu tu" ->
#: "thứ tự", order): its number word, marked as an ordinal ("thứ tư").
SESSION_ORDINAL = re.compile(r"(?i)\b(phiên họp|phiên|kỳ họp|hội nghị|lần)\s+(thứ|thu|thự|thừ)\s+"
                             r"(tự|tư|tu|từ|tứ|năm|nắm|nam|sáu|sau|bảy|bày|bay|tám|tâm|tam|chín|chin|"
                             r"mười|muoi|mươi|hai|ba|bà|nhất|nhat)\b")
ORDINAL_MARKED = {"tu": "tư", "nam": "năm", "sau": "sáu", "bay": "bảy", "tam": "tám", "chin": "chín",
                  "muoi": "mười", "hai": "hai", "ba": "ba", "nhat": "nhất"}
#: "họp" (meet) typed or restored with the tone of "hợp" (fit, join), which stands alone only in
#: compounds ("phối hợp", "hợp tác"): after a meeting noun ("phiên hợp thứ ba", "cuộc hợp") or
#: before the time or place asked ("BCĐ hợp ngày nào", "hợp vào buổi nào", "hợp ở đâu").
MEETING_SLIP = re.compile(r"(?i)(?:(?<=\bphiên )|(?<=\bcuộc )|(?<=\bkỳ ))hợp\b(?!\s+(?:tác|đồng|nhất|lý|lệ|"
                          r"pháp|thức|tình|chất|tuyển|nhau|với))|(?<!\w)hợp(?=\s+(?:vào\s+)?(?:ngày|hôm|buổi|"
                          r"lúc|khi nào|bao giờ|ở đâu|tại đâu)\b)")
#: A session numbered without "thứ" in a question ("phiên 9", "phien hop 9 ngay nao"), read as
#: "phiên thứ 9"; not a duration ("phiên họp 2 ngày", "3 giờ").
BARE_SESSION = re.compile(  # any case: "Phiên 9"
    r"\b(phiên họp|phiên|phien hop|phien)\s+(?=\d{1,2}\b(?![.,]\d)(?!\s*(?:giờ|gio|phút|phut|%|tháng|thang|"
    r"năm|nam|ngày(?!\s+(?:nào|mấy))|ngay(?!\s+(?:nao|may)))\b))", re.IGNORECASE)

#: The 63 provinces and centrally-run cities (as of the documents' time), with common short forms.
PROVINCES: tuple[str, ...] = (
    "An Giang", "Bà Rịa - Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh", "Bến Tre",
    "Bình Dương", "Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Cần Thơ", "Đà Nẵng",
    "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam",
    "Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa",
    "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định",
    "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam",
    "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình",
    "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang", "Hồ Chí Minh", "Trà Vinh",
    "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
)
#: Other ways of writing a province: folded alias -> folded canonical name.
PROVINCE_ALIASES: dict[str, str] = {
    "tp hcm": "ho chi minh", "tp.hcm": "ho chi minh", "tphcm": "ho chi minh", "sai gon": "ho chi minh",
    "hue": "thua thien hue", "vung tau": "ba ria - vung tau", "ba ria vung tau": "ba ria - vung tau",
    "dak lak": "dak lak", "daklak": "dak lak",
}
#: Words that mark a text as national in scope (a provincial constraint is not met by it).
#: A question about the whole country ("cả nước", "toàn quốc"), and a paragraph that opens on one
#: province ("Đối với tỉnh Hà Giang, ...", "Tại tỉnh ...") (folded).
NATIONAL_ASKED = re.compile(r"\b(?:ca nuoc|toan quoc)\b")
PROVINCE_OPENING = re.compile(r"\s*(?:doi voi|tai|rieng) (?:tinh|thanh pho)\b")
NATIONAL_SCOPE = re.compile(r"\b(toan quoc|ca nuoc|bo, nganh, dia phuong|cac bo, nganh|63 dia phuong|"
                            r"63 tinh|quoc gia|(ban chi dao|hoi dong|uy ban)( [\w-]+){0,6} cua chinh phu)\b")
#: "điểm cầu" (a bridge point: where a province attends an online national meeting) right before a
#: place ("tại điểm cầu Khánh Hòa", "điểm cầu tỉnh Hà Giang", "điểm cầu của UBND tỉnh X"), folded: a
#: question naming a place so asks about it as a bridge point, and a text meets it only where it
#: speaks of that place's bridge point (not where it lists the place among examples).
BRIDGE_BEFORE = re.compile(r"\bdiem cau\s+(?:cua\s+)?(?:(?:ubnd|uy ban nhan dan)\s+)?"
                           r"(?:(?:tinh|thanh pho|tp)\.?\s+)?$")
#: ... the words "điểm cầu" and the few after them where a text names a bridge point's place.
BRIDGE_SAID = re.compile(r"\bdiem cau\b(?:\s+[\w.-]+){1,6}")
#: A province's own bridge point as its article says it ("Dự tại điểm cầu của tỉnh", "Tại điểm cầu
#: Ủy ban nhân dân tỉnh"), folded.
OWN_BRIDGE = re.compile(r"\bdiem cau\s+(?:cua\s+)?(?:(?:ubnd|uy ban nhan dan)\s+)?tinh\b")
#: Words that mark a text as provincial in scope.
LOCAL_SCOPE = re.compile(r"\b(tinh|toan tinh|cua tinh|ubnd tinh|uy ban nhan dan tinh|dia ban)\b")

#: Named bodies: a head word then capitalised words ("Bộ Nội vụ", "Sở Tư pháp", "Ngân hàng Nhà nước").
BODY_CASED = re.compile(
    r"\b(Bộ|Sở|Cục|Tổng cục|Văn phòng|Trung tâm|Ngân hàng|Tòa án|Viện|Học viện|Ban|Đài|Báo)"
    rf"((?:\s+(?:[{UPPER}]\w*|và|-))+(?:\s+[{LOWER}]+(?=[\s,.;:?)]|$))?)")
#: Countries whose Vietnamese names open with a family name or a body's head word ("Hà Lan", "La
#: Mã", "Tây Ban Nha"): neither a person nor a body (unless a name goes on: "Hà Lan Anh").
COUNTRIES = re.compile(r"\b(?:Tây Ban Nha|Bồ Đào Nha|Hà Lan|La Mã|Ba Lan|Đan Mạch|Hy Lạp|Na Uy|"
                       rf"Thụy Điển|Thụy Sĩ|Ai Cập|Phần Lan|Triều Tiên|Tân Tây Lan|Ả Rập)\b(?!\s+[{UPPER}])")
#: Bodies every document of the genre names: too generic to constrain an answer.
GENERIC_BODIES = frozenset({"ban chi dao", "ban chap hanh", "ban thuong vu", "bo chinh tri"})

#: Leadership titles: a name after one of these is a person; a paragraph that uses the title
#: alone refers back to the person named with it earlier.
TITLES = ("phó thủ tướng thường trực", "phó thủ tướng", "thủ tướng chính phủ", "thủ tướng",
          "bộ trưởng", "thứ trưởng", "bí thư tỉnh ủy", "phó bí thư tỉnh ủy", "bí thư", "chủ tịch",
          "phó chủ tịch", "giám đốc", "phó giám đốc", "trưởng ban", "phó trưởng ban", "đồng chí",
          "ông", "bà")
#: Titles of address said of anyone: no office that names one person.
HONORIFICS = ("đồng chí", "ông", "bà")
#: A role a who-question asks the holder of ("Ai là Chủ tịch UBND tỉnh ...?", "Giám đốc Sở ... là
#: ai?"), folded: the answer must give that role, not its deputy's ("Phó Chủ tịch").
_ROLE_TITLES = (r"pho thu tuong thuong truc|pho thu tuong|thu tuong chinh phu|thu tuong|bo truong|"
                r"thu truong|pho bi thu tinh uy|bi thu tinh uy|bi thu|pho chu tich|chu tich|pho giam doc|"
                r"giam doc|pho truong ban|truong ban|truong bcd|to truong|to pho|pho truong phong|"
                r"truong phong|pho chanh van phong|chanh van phong|cuc truong|vu truong")
#: (a head of a board names its board: "Trưởng ban Tổ chức" is not "Trưởng BCĐ")
_ROLE = rf"((?:{_ROLE_TITLES})(?:(?<=ban) (?!chi\b)[a-z]+)?)"
#: How an asker opens a question before its subject ("Đề nghị cho biết", "Cho em hỏi").
ASKER_FRAME = (r"(?:(?:de nghi|xin|vui long|ad|anh|chi|cho)?\s*(?:cho\s+)?(?:em|toi|minh)?\s*"
               r"(?:hoi|biet)\s*[,:]?\s*)?")
#: A motto of an administration's year ("chủ đề điều hành của năm", "phương châm", "khẩu hiệu",
#: "thông điệp"), folded: named where it is stated ("với phương châm “Đoàn kết kỷ cương, ...”"), so a
#: question asking for one ("Chủ đề điều hành năm 2025 là gì?", MOTTO_ASKED on its subject) is
#: answered only by a sentence that says one (MOTTO_STATED), not by one that only shares its year.
_MOTTO = r"chu de|phuong cham|khau hieu|thong diep"
MOTTO_ASKED = re.compile(rf"^(?:{_MOTTO})\b")
MOTTO_STATED = re.compile(rf'\b(?:{_MOTTO})\b(?:\s+\S+){{0,8}}?\s*(?:\bla\b|:|[“"«])')  # ... and said
#: ... or chosen, set, given by someone ("đã chọn chủ đề ...", "đề ra phương châm ...").
MOTTO_CHOSEN = re.compile(rf"\b(?:chon|lua chon|de ra|dat ra|xac dinh|dua ra) (?:{_MOTTO})\b")
#: Classifications of what administrative texts count, folded: the level ("cấp huyện"), the
#: kind of unit ("đơn vị hành chính" / "đơn vị sự nghiệp") and whom a service is for ("liên quan
#: đến người dân" / "doanh nghiệp"); a figure of one class does not answer a question about
#: another (answer_type._other_class).
COUNTED_CLASSES = (("cap trung uong", "cap tinh", "cap huyen", "cap xa", "cap co so"),
                   ("don vi hanh chinh", "don vi su nghiep"),
                   ("nguoi dan", "doanh nghiep"),
                   ("toan trinh", "mot phan"))
#: Classes that name a part of what is counted without them: "1.818 dịch vụ công trực tuyến" is
#: all of them, not the "toàn trình" ones (a figure naming no class of these answers no question
#: naming one).
SUBSET_CLASSES = frozenset({"toan trinh", "mot phan"})
#: A role title a question says (folded, longest first: "bí thư tỉnh ủy" before "bí thư").
ROLE_SAID = re.compile(rf"\b(?:{_ROLE_TITLES})\b")
ROLE_ASKED = re.compile(rf"\bai (?:la|lam|giu chuc|dam nhiem) {_ROLE}\b|"
                        rf"^\s*{ASKER_FRAME}(?:rieng\s+)?{_ROLE}\b[^?]*\b(?:la ai|ten (?:la )?gi)\b")
#: Common family names: a capitalised run that starts with one is a person's name.
SURNAMES = ("Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Trương|Đinh|"
            "Đào|Mai|Lương|Trịnh|Đoàn|Lâm|Tạ|Hà|Cao|Chu|Tô|Lưu|Thái|Quách|Kiều|Triệu|La|Tăng|Vương")
_CAP = rf"[{UPPER}][{LOWER}]+"
PERSON_CASED = re.compile(rf"\b(?:{SURNAMES})(?:\s+{_CAP}){{1,3}}\b")
#: Other capitalised names (for texts about the wider world): two or more capitalised words, not
#: starting with the head word of a Vietnamese body, title or document.
PROPER_CASED = re.compile(
    rf"\b(?!(?:Ban|Bộ|Sở|Chính|Thủ|Phó|Ủy|Văn|Trung|Hội|Phiên|Tỉnh|Ngân|Đề|Nghị|Quyết|"
    rf"Chỉ|Chương|Kế|Luật|Cục|Tổng|Trưởng|Bí|Chủ|Nhà|Đảng|Quốc|Mặt|Công|Phòng|Báo|Đài|Viện|Tòa)\b)"
    rf"{_CAP}(?:\s+{_CAP})+\b")

#: A single capitalised word inside a sentence that is not the head of a body or title ("Manning").
SINGLE_NAME_CASED = re.compile(
    rf"(?<=[{LOWER},]\s)(?!(?:Ban|Bộ|Sở|Chính|Thủ|Phó|Ủy|Văn|Trung|Hội|Phiên|Tỉnh|Ngân|Đề|Nghị|Quyết|"
    rf"Chỉ|Chương|Kế|Luật|Cục|Tổng|Trưởng|Bí|Chủ|Nhà|Đảng|Quốc|Mặt|Công|Phòng|Báo|Đài|Viện|Tòa|Điều|"
    rf"Khoản|Mục|Phần|Nhà nước)\b)[{UPPER}][{LOWER}]+\b")
#: Document numbers: "05/CT-TTg", "01/NQ-CP", "76/NQ-CP", "1291/QĐ-TTg", "15/2025/NĐ-CP".
DOC_NUMBER_CASED = re.compile(r"\b(\d{1,5}(?:/\d{4})?/[A-ZĐ]{1,6}(?:-[A-ZĐa-zđ]{1,6}){0,2})\b")
#: A document named by type and bare number in a question: "Chỉ thị 05", "Nghị quyết số 76".
DOC_TYPE_NUMBER = re.compile(r"\b(chi thi|nghi quyet|nghi dinh|quyet dinh|thong tu|ke hoach|de an|"
                             r"cong dien|thong bao)\s+(so\s+)?(\d{1,5})\b")

# -- temporal words -----------------------------------------------------------------------------
LATEST, EARLIEST = "latest", "earliest"
TEMPORAL: tuple[tuple[str, re.Pattern[str]], ...] = (
    (LATEST, re.compile(r"\b(gan day nhat|gan nhat|moi nhat|vua qua|vua roi|lan cuoi|sau cung|"
                        r"hien nay|gan day)\b")),
    (EARLIEST, re.compile(r"\b(dau tien|lan dau|som nhat|truoc tien|cu nhat)\b")),
)
#: The request verbs as written with their marks (folded, "giao" is also "giáo").
REQUEST_VERBS_MARKED = {"yeu cau": "yêu cầu", "nhan manh": "nhấn mạnh", "chi dao": "chỉ đạo",
                        "de nghi": "đề nghị", "luu y": "lưu ý", "de ra": "đề ra", "giao": "giao",
                        "ket luan": "kết luận", "quan triet": "quán triệt", "chi ra": "chỉ ra",
                        "kien nghi": "kiến nghị", "de xuat": "đề xuất", "bao cao": "báo cáo",
                        "phat bieu": "phát biểu", "nhac nho": "nhắc nhở"}
#: Verbs of "when / where does it take place" questions: part of the question, not of the answer.
EVENT_VERBS = frozenset({"diễn_ra", "xảy_ra", "được_tổ_chức", "tiến_hành"})
#: A date question's own noun: "ngày" of "là ngày nào", "năm" of "Vào năm nào ...?" asks for a
#: date and is met by the date an answer holds (answer_type.carries), not by the word in the text;
#: group 1 is the noun (folded).
ASKED_TIME_NOUN = re.compile(r"\b(ngay|nam|thang|gio|hom|buoi) (?:nao|may|bao nhieu)\b")
#: "vào" before an asked time ("diễn ra vào ngày nào", "họp vào buổi nào", "vào lúc nào"): a word
#: of the asking, which an answer ("Chiều 3-2, ...") need not hold.
ASKED_TIME_AT = re.compile(r"\bvao (?:(?:ngay|nam|thang|gio|hom|buoi|luc|thoi diem|thoi gian|dip) "
                           r"(?:nao|may|bao nhieu)|khi nao)\b")
#: ... written as the question's token (normalised) for each folded noun ("vào buổi nào": "Chiều
#: 3-2" holds no "buổi").
ASKED_TIME_TOKEN = {"ngay": "ngày", "nam": "năm", "thang": "tháng", "gio": "giờ", "hom": "hôm",
                    "buoi": "buổi"}
#: A length of time ("3 năm qua", "15 ngày làm việc"), not a point in time: no answer to "ngày
#: nào"; not "1 tháng 5" (a day and its month).
DURATION_SPAN = re.compile(r"\d+ (?:ngay|thang|nam|tuan|gio)\b(?!\s*\d)")
#: The times of day a date question offers ("buổi sáng hay buổi chiều?"): the answer says one
#: ("Chiều 3-2"), not the question's alternatives.
TIME_OF_DAY = frozenset({"buổi", "sáng", "chiều", "trưa", "tối", "buổi_sáng", "buổi_chiều", "buổi_trưa",
                         "buổi_tối", "hay", "hôm"})
#: A thing coming into being: founded, set up, launched, opened, put into operation (folded). A
#: date question asking when ("Ban Chỉ đạo ... được thành lập năm nào?", "trung tam HCC duoc thanh
#: lap nam nao", "Sky Digital được ra mắt khi nào?") is answered only by a sentence that says such an
#: event (ORIGIN_SAID), not by any date said near its subject ("Chiều 2.2, Ban Chỉ đạo ... tổ chức
#: Hội nghị ...", "từ năm 2016 đến nay ...").
ORIGIN_ASKED = re.compile(r"\b(thanh lap|ra doi|khai truong|di vao hoat dong|dua vao hoat dong|"
                          r"bat dau hoat dong|chinh thuc hoat dong|khoi dong|hinh thanh|sang lap|"
                          r"thiet lap|ra mat|khanh thanh|khai sinh|thanh hinh|lap ra|lap nen|mo cua)\b")
#: A day asked, and the acts of a directive or a body a question may ask the day of ("ban hành
#: ngày nào?", "kiện toàn Ban Chỉ đạo vào ngày nào?", "có hiệu lực từ ngày nào?"), folded: only a
#: sentence saying the act (or the one before it in its paragraph) gives its day, not the day of
#: the article's meeting.
DAY_ASKED = re.compile(r"\b(?:ngay nao|ngay may|hom nao|ngay bao nhieu)\b")
ACT_ASKED = re.compile(r"\b(ban hanh|kien toan|phe duyet|co hieu luc|ap dung|cong bo|thong qua|bai bo|"
                       r"sua doi|kien nghi)\b")
#: ... as written with their marks: a question typed with marks must say one of them ("gây ra mất
#: điện" folds to "ra mat" too).
ORIGIN_MARKED = frozenset({"thành lập", "ra đời", "khai trương", "đi vào hoạt động", "đưa vào hoạt động",
                           "bắt đầu hoạt động", "chính thức hoạt động", "khởi động", "hình thành", "sáng lập",
                           "thiết lập", "ra mắt", "khánh thành", "khai sinh", "thành hình", "lập ra",
                           "lập nên", "mở cửa"})
#: ... and the ways the genre (and an encyclopedia) says one: the asked verbs and their synonyms
#: ("được lập", "tái lập", "đi vào vận hành", "hợp nhất", "tách ra", "xuất hiện"), folded.
ORIGIN_SAID = re.compile(r"\b(thanh lap|ra doi|khai truong|khoi dong|hinh thanh|thiet lap|ra mat|"
                         r"khanh thanh|khai sinh|thanh hinh|mo cua|tao thanh|tao ra|xuat hien|"
                         r"(?:duoc|da|moi|tai|sang|vua) lap|lap (?:ra|nen)|"
                         r"(?:di|dua) vao (?:hoat dong|van hanh|su dung|khai thac)|"
                         r"(?:bat dau|chinh thuc) (?:di vao )?(?:hoat dong|van hanh)|"
                         r"hop nhat|sap nhap|chia tach|tach ra)\b")
#: The action a date question asks about when its subject is named by its verb ("Khi nào sự hợp
#: tác giữa Tesla, Lane và Vail hình thành?": the cooperation forms when they cooperate, said
#: "Tesla hợp tác với ... vào năm 1886"): the two syllables after "sự", "việc", "cuộc" (folded).
ORIGIN_ACTION = re.compile(r"\b(?:su|viec|cuoc)\s+(\w+(?:\s+\w+)?)")
#: Head nouns of the bodies and facilities whose founding the genre reports ("Trung tâm Hành chính
#: công", "Ban Chỉ đạo", "Tổ công tác"), folded, longest first: a founding said of one named
#: otherwise ("Trung tâm điều hành thông tin được khởi động từ năm 2020") is not the founding of
#: the one asked ("trung tâm HCC tỉnh được thành lập năm nào?").
ORIGIN_HEADS = re.compile(r"\b(ban chi dao|tong cong ty|cong thong tin|bo phan mot cua|trung tam|uy ban|"
                          r"hoi dong|van phong|chi cuc|tong cuc|to cong tac|cong ty|benh vien|hiep hoi|"
                          r"chuong trinh|de an|he thong|mo hinh|cuc|so|vien|truong|quy|ban|to|phong)\b")
#: Words that end the name after such a head ("Trung tâm HCC của tỉnh được ..."), folded.
ORIGIN_NAME_END = re.compile(r"\b(cua|nay|do|ay|duoc|da|se|vua|moi|chinh thuc|tai|o|tu|vao|nam|ngay|"
                             r"thang|va|la|voi|theo|tren|trong|khi|nao|bao gio|thanh lap|khoi dong|"
                             r"ra doi|ra mat|di vao|dua vao|bat dau|hinh thanh|khai truong|sang lap)\b")
#: Words of a name that say only its level or place ("tỉnh", "cấp huyện"): no part of what it is.
ORIGIN_NAME_LEVEL = frozenset("tinh thanh pho huyen xa quan phuong thi cap nha nuoc trung uong".split())
#: Request verbs that make a "những ... nào" question a list of requests.
REQUEST_VERBS = frozenset({"yeu cau", "de nghi", "nhan manh", "luu y", "chi dao", "ket luan", "kien nghi",
                           "de xuat", "nhac nho", "quan triet"})
#: Role nouns that answer "ai" as well as a name does ("người đứng đầu chịu trách nhiệm").
ROLES = re.compile(r"\b(thu truong|nguoi dung dau|lanh dao|chu tich|pho chu tich|giam doc|bi thu|"
                   r"bo truong|thu tuong|pho thu tuong|truong ban|pho truong ban|thanh vien|can bo|"
                   r"cong chuc)\b")
#: Nouns for people that answer "ai" in regulations and encyclopedic texts (folded): kin, roles
#: of a school or a court, "nhà" + a field ("nhà địa tầng học"), not "nhà nước", "nhà máy"...
PERSON_NOUNS = re.compile(
    r"\b(cha|me|vo|chong|ong ba|cha me|con|anh chi em|nguoi giam ho|luat su|chu so huu|sinh vien|"
    r"hoc vien|giang vien|giao vien|co van hoc tap|hieu truong|pho hieu truong|truong khoa|"
    r"truong bo mon|truong phong|bac si|tac gia|chuyen gia|cong dan|bi cao|bi can|tham phan|"
    r"kiem sat vien|tin do|linh muc|giao hoang|hoang de|nha vua|vua|hoang tu|cong chua|"
    r"nha (?!nuoc|may|o|truong|tho|hang|xuong|ga|kho|cua|rieng|tu|khach|san|dat|ve sinh|van hoa)\w+)\b")
#: Words that end the noun phrase of "N nào" going back from "nào" ("đội thuộc môn thể thao nào":
#: "môn thể thao"): the copula, prepositions, auxiliaries, plural and count words.
WHICH_NOUN_STOP = frozenset("là của thuộc ở tại trong với và đã được bị có cho về từ đến các những "
                            "một".split())
#: A rank a yes/no question claims ("Có phải ... đứng đầu cả nước ... không?"), folded: the answer
#: must state a rank (RANK_SAID), the claimed one or another, not only the figures around it.
RANK_CLAIM = re.compile(r"\b(dung dau|dan dau|cao nhat|thap nhat|lon nhat|nho nhat|tot nhat|kem nhat|"
                        r"dau tien|duy nhat|xep thu|xep hang|nhom dau|top \d+)\b")
RANK_SAID = re.compile(RANK_CLAIM.pattern + r"|\bthu \d+\b|\bhang \d+\b|\b\d+/63\b")
#: A "which one" question asking for the one first or last by some measure ("Bộ, ngành nào tinh
#: giản biên chế nhiều nhất?", "Tỉnh nào dẫn đầu ...?") (folded; not "ít nhất", "at least" in rules):
#: a sentence that states no rank or superlative (RANK_SAID, or "nhất" with its mark) gives
#: figures, not the one asked for.
SUPERLATIVE_ASKED = re.compile(r"\b(nhieu nhat|cao nhat|thap nhat|lon nhat|nho nhat|tot nhat|kem nhat|"
                               r"nhanh nhat|cham nhat|dung dau|dan dau)\b|"
                               # "ban hành nhiều văn bản chỉ đạo CCHC nhất"
                               r"\b(?:nhieu|cao|thap|lon|nho|tot|kem|nhanh|cham)(?:\s+\w+){1,6}?\s+nhat\s*\??$")
#: Which one did it first ("tỉnh nào làm đầu tiên?", "đơn vị nào tiên phong"), and a sentence that
#: says one was first (folded).
FIRST_ASKED = re.compile(r"\b(?:dau tien|som nhat|tien phong|di dau)\b")  # "trước tiên": a step, no rank
FIRST_SAID = re.compile(r"\b(?:dau tien|lan dau|som nhat|tien phong|di dau|truoc tien|dan dau)\b")
SUPERLATIVE_MARK = re.compile(r"\b(?:nhiều|cao|thấp|lớn|nhỏ|tốt|kém|nhanh|chậm|mạnh|yếu|đông|ít|sớm|"
                              r"muộn|rộng|dài|ngắn|xa|gần|mới|sâu|nặng|rõ|hiệu quả)\s+nhất\b")
#: A year in a question is a year when a time word stands before it ("năm 2024", "trong 2024").
YEAR_LEAD = re.compile(r"\b(nam|trong|tu|den|vao|cuoi|dau|giua|hoi|sau|truoc)\s*$"
                       # ... or a year edition of an index, plan or report ("PAR INDEX 2020", "Chỉ số
                       # CCHC 2020", "KH CCHC 2024"): the name, then at most three words of it
                       r"|\b(chi so|index|sipas|papi|ke hoach|kh|bao cao)(\s+\w+){0,3}\s*$")
#: Words of a chat question that ask nothing of the texts (question tokens): the asker ("em", "tôi",
#: "mình"), particles ("ạ", "nhé", "vậy", "... không ta?"), "muốn", "rồi", "xong", "thấy" ("Em thấy
#: ... có chữ M"), "không biết ..." and "... hay không?" ("biết", "hay"), "nhưng", "lỡ", "hỏi" ("Em muốn
#: hỏi ...").
#: What a "who / which body did it" question asks the doer of, among the acts of meetings and
#: directives ("Ai trình bày báo cáo ...?", "Phần mềm ... do đơn vị nào xây dựng?"), folded: only a
#: sentence that says the act names its doer, not one naming whoever chaired the meeting.
AGENT_ACT = re.compile(r"\b(?:ai|nguoi nao)\s+(?:la nguoi\s+|da\s+)?(trinh bay|bao cao|phat bieu|ket luan|"
                       r"tham luan)\b|\bdo\s+(?:ai|nguoi nao|co quan nao|don vi nao|to chuc nao|bo nao|"
                       r"so nao)\s+(xay dung|ban hanh|bien soan|soan thao|thiet ke|trinh bay|de xuat)\b")
#: (not a responsibility a law assigns, "Bộ nào chịu trách nhiệm xây dựng ...?": its article
#: names the body in a heading and the act in an item)
#: Who said something ("Ai nói CCHC phải lấy người dân, doanh nghiệp là trung tâm?", "ai nhấn
#: mạnh ..."), folded: group 1 what was said, which the answer must say most of.
SAID_ASKED = re.compile(r"\b(?:ai|nguoi nao)\s+(?:da\s+)?(?:noi|nhan manh|khang dinh|cho rang|"
                        r"phat bieu rang|tuyen bo)\s+(?:rang\s+)?(.{12,})")
#: A session named in English by a foreign reader ("the ninth meeting", "third session"): written as
#: the texts name it ("phiên họp thứ chín").
ENGLISH_ORDINALS = {"first": "nhất", "second": "hai", "third": "ba", "fourth": "tư", "fifth": "năm",
                    "sixth": "sáu", "seventh": "bảy", "eighth": "tám", "ninth": "chín", "tenth": "mười"}
ENGLISH_SESSION = re.compile(rf"(?i)\b(?:the\s+)?({'|'.join(ENGLISH_ORDINALS)})\s+(?:meeting|session)\b")
#: Chat shorthand a citizen types on a phone, as written out (with marks, and without them for a
#: question typed without marks, which the restorer then reads): "hg co bn dvc", "dc ko", "ntn".
#: "bn" is "bao nhiêu" after a word ("có bn", "thì bn"), not opening a question nor before "ơi"
#: (there it is "bạn"); "z" closes a question as "vậy" ("v" may be a clause's point: "điểm v").
CHAT_SHORTHAND = {"bn": ("bao nhiêu", "bao nhieu"), "dc": ("được", "duoc"), "đc": ("được", "duoc"),
                  "ko": ("không", "khong"), "k0": ("không", "khong"), "j": ("gì", "gi"),
                  "ntn": ("như thế nào", "nhu the nao"), "vs": ("với", "voi"), "cx": ("cũng", "cung"),
                  "ng": ("người", "nguoi"), "z": ("vậy", "vay")}
CHAT_SHORTHAND_AT = re.compile(r"(?i)(?<=\w )(bn)\b(?!\s+(?:ơi|oi)\b)|\b(dc|đc|ko|k0|ntn|vs|cx|ng)\b|"
                               r"(?<=\w )\b(j|z)\s*(?=\?*\s*$)")
CHAT_TOKENS = frozenset({"em", "tôi", "mình", "ạ", "ơi", "nhé", "nha", "vậy", "à", "hả", "nhỉ", "dạ",
                         "muốn", "rồi", "xong", "luôn", "thấy", "hay", "nhưng", "biết", "ta", "thôi",
                         "lỡ", "hỏi"})
#: Nouns that frame what a question asks about X ("Mục đích của ĐTBCTL?", "Cú pháp email?"; "X giữ
#: chức vụ gì?"): texts say it without them ("ĐTBCTL được dùng để ...", "đồng chí X, Bí thư Tỉnh
#: ủy"), so a frame the documents never use is no evidence they lack.
FRAME_WORDS = frozenset({"mục_đích", "ý_nghĩa", "vai_trò", "tác_dụng", "công_dụng", "cấu_trúc",
                         "cú_pháp", "đặc_điểm", "định_nghĩa", "khái_niệm", "chức_vụ", "chức_danh",
                         "cương_vị", "giữ"})
#: Words of the temporal phrases (question tokens): not content to look for in a passage.
#: The asker pointing at the documents ("được nhắc đến trong các bài", "nêu trong các tài liệu"),
#: folded: where to look, not words an answer must say.
SAID_IN_TEXTS = re.compile(r"\b(?:duoc )?(?:nhac|neu|de cap) (?:den |toi )?trong (?:cac )?"
                           r"(?:bai viet|bai bao|bai|tai lieu|van ban)\b")
TEMPORAL_TOKENS = frozenset({"gần_đây", "gần", "đây", "nhất", "mới", "mới_nhất", "vừa_qua", "lần_cuối",
                             "sau_cùng", "đầu_tiên", "lần_đầu", "sớm", "sớm_nhất", "trước_tiên",
                             "lần", "đầu", "tiên", "cuối"})
#: A relative year with the year itself beside it ("năm nay (2024)", "năm ngoái (năm 2024)"),
#: folded: group 1 is the year meant.
RELATIVE_GIVEN = re.compile(r"\b(?:nam ngoai|nam truoc|nam roi|nam nay|nam toi|nam sau)\s*[(,-]\s*"
                            r"(?:nam\s+|tuc\s+(?:la\s+)?(?:nam\s+)?)?((?:19|20)\d\d)\b")
#: An article the question names by its date ("bài tháng 3/2024", "bài viết ngày 3/3/2021"),
#: folded: group 1 is its year, which "năm nay" / "năm ngoái" are then relative to.
ARTICLE_DATED = re.compile(r"\bbai(?: viet| bao)?(?: dang)?\s+(?:ngay|thang|nam)\s+"
                           r"(?:\d{1,2}\s*[/.-]\s*){0,2}((?:19|20)\d\d)\b")
#: A question asking which year a fact or figure it quotes belongs to ("... là số liệu của năm nào?",
#: "... là kết quả của năm nào?", "thuộc năm nào"), folded.
YEAR_OF_FIGURE = re.compile(r"\b(?:la|thuoc|cua|trong)\b[^?]{0,30}\bnam nao\b|\bnam nao\s*\??\s*$")
#: Years relative to the newest document: word -> offset.
RELATIVE_YEARS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"(?<!so voi )\b(nam ngoai|nam truoc|nam roi)\b"), -1),
    (re.compile(r"\bnam nay\b"), 0),
    (re.compile(r"\b(nam toi|nam sau)\b"), 1),
)

#: Years a document's text says relative to its own date ("Năm nay" in an article of 2023 is 2023),
#: on lower-cased text with its marks: phrase -> offset. Fewer than RELATIVE_YEARS: in a text
#: "năm trước", "năm sau" mostly count ("ba năm trước", "năm sau đó").
TEXT_RELATIVE_YEARS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"\bnăm nay\b"), 0),
    (re.compile(r"\bnăm ngoái\b"), -1),
    (re.compile(r"\bnăm tới\b"), 1),
)
#: A word before such a phrase that makes it a span of years ("3 năm tới", "những năm tới").
YEAR_SPAN_BEFORE = re.compile(r"(?:\d|\b(?:hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mươi|những|các|mấy|"
                              r"vài|nhiều))\s*$")

# -- answer-type evidence -----------------------------------------------------------------------
#: Numbers in words (on lower-cased text with its marks: folded, "ba", "tư", "sáu" are ambiguous).
NUMBER_WORDS_MARKED = re.compile(r"\b(hai|ba|bốn|sáu|bảy|tám|chín|mười|mươi|trăm|nghìn|ngàn|"
                                 r"một(?!\s+(số|cách|trong|phần|vài|khi|lần nữa|mình)\b))"
                                 r"(?=\s+(?!giờ\b)\w)")
#: Numbers that are not quantities: dates (a day then a month: "9-18" and "6-9%" are ranges), years,
#: ordinals, document numbers, item marks "(1)", multipliers ("tăng gần 4 lần").
NOT_QUANTITY = re.compile(r"\b(?:[12]\d|3[01]|0?[1-9])\s*[/.-]\s*(?:1[0-2]|0?[1-9])(?:[/.-]\d{2,4})?\b"
                          r"(?!\s*%)|"
                          r"(?<![\d.,])(19|20)\d\d(?![\d.,]\d)|"
                          r"\bthứ\s+\d+|\b\d+/[A-ZĐ]|\bsố\s+\d+/|\(\d+\)|(?<![\d.,])\d+\)|"
                          r"\b(?:tăng|gấp|giảm)\s+(?:gần\s+|hơn\s+|khoảng\s+|trên\s+)?(?:\d+(?:[.,]\d+)?|\w+)\s+lần\b")
#: The noun counted by "bao nhiêu X" / "mấy X" (folded question): a few words after it.
_FUNCTION = (r"(?:là|năm|được|đã|có|so|với|tại|trong|của|ở|vào|cho|và|thì|này|do|từ|đến|trên|dưới|khi|"
             r"mà|để|không|thế|phải|bị|sẽ|cần|nên|mới|còn|làm|đạt|trở|thuộc|theo|tham|khác|sau|trước|nữa)\b")
#: On the lower-cased question with its marks (folded, "có" and "cố" would be one word).
COUNTED = re.compile(rf"\b(?:bao nhiêu|mấy)\s+((?!{_FUNCTION})\w+(?:\s+(?!{_FUNCTION})\w+)?)")
#: The same on text typed without marks (when no restorer is at hand).
_FUNCTION_FOLDED = (r"(?:la|nam|duoc|da|co|so|voi|tai|trong|cua|o|vao|cho|va|thi|nay|do|tu|den|khi|ma|de|"
                    r"phai|bi|se|can|nen|moi|con|lam|dat|tro|thuoc|theo|tham|khac|sau|truoc|nua)\b")
COUNTED_FOLDED = re.compile(
    rf"\bbao nhieu\s+((?!{_FUNCTION_FOLDED})[a-z]+(?:\s+(?!{_FUNCTION_FOLDED})[a-z]+)?)")
#: Vietnamese classifiers (folded): in "bao nhiêu cú húc" the counted thing is the word after one.
CLASSIFIERS = frozenset("cai con chiec cu qua cay to buc ngoi bai la tam cuon quyen hat soi vien trai "
                        "toa can manh doi".split())
#: Units of weight, length, area, volume, money and power (folded): "bao nhiêu tấn carbon" asks
#: for a weight, whatever the text calls the carbon.
PHYSICAL_UNITS = frozenset("tan ta kg g mg km m cm mm ha dam lb oz ml lit usd eur vnd kw mw kwh gw mi ft "
                           "yard inch pound".split())
#: Ordinals in words ("thứ hai"): a rank, not a count of anything.
ORDINAL_WORDS = re.compile(r"\bthứ\s+(?:hai|ba|bốn|tư|năm|sáu|bảy|tám|chín|mười)\b")
#: Words after a number that measure rather than count a thing of their own (folded): a figure
#: followed by one of these (or by a word of the question) can answer "... là bao nhiêu?".
MEASURES = frozenset(
    "phan tram diem lan trieu ty nghin ngan tram muoi dong usd ha km m kg tan nam thang tuan ngay gio "
    "phut giay tuoi nguoi luot so bac hang vi tri mm cm km kg mg ft mi kw mw kwh gw vnd eur lb oz ml "
    "the ky thap ky"
    # function words: the number stands alone ("làm tròn đến 0,5 và ...")
    " va la cua cho trong tai voi de nhung hoac thi ma den tu o theo do tren duoi khi sau truoc "
    "vao ra nen se da dang duoc bi moi con".split())
#: A span of several years counted back from the text's date ("trong 3 năm qua", "những năm gần
#: đây", "nhiệm kỳ"): a sentence about it answers no question about one year (folded).
PERIOD = re.compile(r"\b(\d+|hai|ba|bon|nam|muoi) nam (qua|gan day|tro lai day|vua qua)\b|"
                    r"\bnhung nam (qua|gan day|tro lai day|vua qua)\b|\bnhiem ky\b")
#: Units that a counted noun may be written as in the text.
UNIT_FORMS = {"phan tram": r"%|phan tram", "tien": r"dong|trieu|ty", "ty dong": r"ty dong|ty",
              "trieu dong": r"trieu dong|trieu", "pound": r"pound|lb",
              "thoi gian": r"giay|phut|gio|ngay|tuan|thang|nam|the ky",  # how much time: a duration
              "nguoi": r"nguoi|dan|cu dan|nhan khau"}  # people are counted as residents too
DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
DATE_EXPR = re.compile(
    r"\b(ke tu|tu ngay|ngay tiep theo|khi\s+(?!nao\b)\w+)\b|\bthoi diem\s+(?!nao\b)\w+|"
    r"\b(dau|giua|cuoi|sau|truoc)\s+(moi\s+)?(nam|hoc ky|thang|tuan|khoa|buoi|dot|ky)\b|"
    r"\b(1[0-9]{3}|20\d\d)\b|\bthe ky\b|\bmua (xuan|ha|he|thu|dong)\b|\b(sau|truoc) khi\b|"
    r"\bkhi (co|da|duoc)\b|"
    r"\bthoi han\b|\btrong vong\b|\b\d+ (ngay|thang|nam|tuan|gio)\b|\bhang (nam|thang|tuan)\b|\bhoc ky\b|"
    r"\b\d{1,2}\s*[/.-]\s*\d{1,2}(?:[/.-]\d{2,4})?\b|\bngay\s+\d|\bthang\s+(\d|gieng|chap|[a-z]+ nam \d)|"
    r"\bnam\s+(19|20)\d\d\b|\b(sang|chieu|trua|toi)\s+(ngay\s+)?\d|\bquy\s+[ivx1-4]\b|"
    r"\b(dau|giua|cuoi) nam\b|"
    # encyclopedic time: "năm 935", "9000 BP", "66 triệu năm trước", "Thế chiến I"
    r"\bnam\s+\d{3,4}\b|\b\d+(?:[.,]\d+)*\s*(?:bp|tcn)\b|"
    r"\b\d+(?:[.,]\d+)*\s+(?:(?:trieu|nghin|ngan|ty)\s+)?nam truoc\b|"
    r"\b(truoc|sau|trong|cuoi|dau|giua|vao|thoi|tu|den) (the chien|chien tranh the gioi)\b|\bcong nguyen\b")
#: A condition answers "khi nào" in rules and laws ("Sinh viên bị đình chỉ ... khi nào?" ->
#: "trường hợp ...", "nếu ...").
CONDITION = re.compile(r"\b(neu|truong hop|trong truong hop)\b")
#: ... as a rule states it: also "khi ..." (not "khi nào") and "áp dụng đối với / cho ..." ("Đình
#: chỉ học tập có thời hạn: áp dụng đối với những sinh viên đang ...").
CONDITION_STATED = re.compile(r"\b(neu|truong hop|trong truong hop|khi(?! nao)|ap dung (?:doi voi|cho))\b")
#: The same on the lower-cased text with its marks: folded, "Nêu điển hình" would read "nếu", and
#: "khí hậu" "khi".
CONDITION_MARKED = re.compile(r"\b(nếu|trường hợp|khi(?! nào)|áp dụng (?:đối với|cho))\b")
#: A duration in words answers "bao lâu" ("vài năm", "nhiều tháng").
VAGUE_DURATION = re.compile(r"\b(vai|nhieu|mot vai|it)\s+"
                            r"(nam|thang|tuan|ngay|gio|phut|giay|the ky|thap ky)\b")
#: A date at the level of a day ("15/1/2025", "ngày 3-3", "chiều 2.2").
DAY_EXPR = re.compile(r"\b\d{1,2}\s*[/.-]\s*\d{1,2}\b|\bngay\s+\d|\b(sang|chieu|trua|toi)\s+(ngay\s+)?\d|"
                      r"\bthang\s+\d{1,2},?\s+(nam\s+)?\d{4}\b")
ORG_EXPR = re.compile(
    r"\b(bo|so|cuc|tong cuc|van phong|trung tam|ngan hang|uy ban|ubnd|hdnd|hoi dong|ban chi dao|bcd|"
    r"ban|chinh phu|tinh uy|thanh uy|huyen uy|dang uy|vien|toa an|co quan|don vi|to chuc|doanh nghiep|"
    r"mat tran|mttq|phong)\b")
PLACE_EXPR = re.compile(r"\b(tinh|thanh pho|tp|huyen|xa|quan|thi xa|dia phuong|diem cau|tai|o)\s+\S")
