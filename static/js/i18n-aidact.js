// The officer's decisions on a legal-aid case (confirm dialogs, the
// statutory grounds in English) and the receipt's centre: Simplified
// Chinese first, English second.
import { extend } from './i18n.js';

// The orders of the statute's items: Art. 44 and Art. 48 ¶1.
export const art44Order = ['limitation', 'preservation', 'other_by_statute'];

extend({
  'act.choose': '请选择', 'act.needGround': '请选择情形',
  'act.approveTitle': '批准法律援助', 'act.approveWhat': '决定给予 {name} 法律援助。申请人将收到给予法律援助决定书和短信。',
  'act.approveNote': '批准说明（可选，记入办理记录）',
  'act.assignTitle': '指派律师', 'act.assignWhat': '指派 {lawyer} 为 {name} 的承办律师。律师和申请人将收到通知。',
  'act.override': '指派理由（提示利益冲突时必填）',
  'act.advanceTitle': '先行提供法律援助（第四十四条）', 'act.advanceWhat': '先行为 {name} 提供法律援助并指派 {lawyer}，材料和决定随后补办。',
  'act.advanceReason': '依据和理由（属于第（三）项时必填）', 'act.applicant': '申请人：{name}',
  'act.current': '现承办律师：{lawyer}', 'act.change': '更换律师', 'act.reassign': '改派',
  'act.approveBtn': '批准…', 'act.assignBtn': '指派…', 'act.advanceBtn': '先行援助并指派…',
  'act.lawyerOf': '{name}（{firm}）',
  'rc.heading': '法律援助申请受理回执', 'rc.centre': '法律援助中心', 'rc.centreName': '名称', 'rc.address': '地址',
  'rc.hours': '办公时间', 'rc.phone': '电话', 'rc.sms': '申请编号和决定期限也已用短信发送到您的手机。',
  'mine.noFiles': '还没有上传', 'board.col.advance': '先行援助待决定', 'board.openNote': '不含已指派律师的案件（可在“状态”中选择“已指派律师”查看）',
}, {
  'act.choose': 'Choose', 'act.needGround': 'Choose the ground',
  'act.approveTitle': 'Approve legal aid', 'act.approveWhat': 'Give legal aid to {name}. The applicant receives the written decision and a text message.',
  'act.approveNote': 'Note on the approval (optional, kept in the record)',
  'act.assignTitle': 'Assign a lawyer', 'act.assignWhat': 'Assign {lawyer} as the lawyer of {name}. The lawyer and the applicant are told.',
  'act.override': 'Reason to assign (required when a conflict is flagged)',
  'act.advanceTitle': 'Aid first (Art. 44)', 'act.advanceWhat': 'Give {name} legal aid first and assign {lawyer}; the materials and the decision follow.',
  'act.advanceReason': 'Law and reasons (required for item 3)', 'act.applicant': 'Applicant: {name}',
  'act.current': 'Assigned lawyer: {lawyer}', 'act.change': 'Change the lawyer', 'act.reassign': 'Assign instead',
  'act.approveBtn': 'Approve…', 'act.assignBtn': 'Assign…', 'act.advanceBtn': 'Give aid first and assign…',
  'act.lawyerOf': '{name} ({firm})',
  'rc.heading': 'Legal-aid application receipt', 'rc.centre': 'The legal-aid centre', 'rc.centreName': 'Name', 'rc.address': 'Address',
  'rc.hours': 'Opening hours', 'rc.phone': 'Phone', 'rc.sms': 'The application number and the decision date were also sent to your mobile by text message.',
  'mine.noFiles': 'none uploaded yet', 'board.col.advance': 'Aid given first, to decide', 'board.openNote': 'cases with a lawyer assigned are not included (choose "Lawyer assigned" under Status to see them)',
  'aid48.false_info': '(1) The aided person obtained legal aid by deception or other improper means',
  'aid48.abuse': '(2) The aided person deliberately concealed important facts of the case or gave false evidence',
  'aid48.illegal_request': '(3) The aided person uses legal aid for illegal activities',
  'aid48.no_longer_eligible': "(4) The aided person's economic situation changed and no longer meets the conditions",
  'aid48.case_ended': '(5) The proceedings ended or the case was withdrawn',
  'aid48.own_lawyer': '(6) The aided person engaged a lawyer or other agent themselves',
  'aid48.request_end': '(7) The aided person asks, with good reason, to end legal aid',
  'aid48.other_by_statute': '(8) Another case set by laws and regulations',
  'aid44.limitation': '(1) A limitation period or time limit ends within seven days and a suit, arbitration or review must be filed at once',
  'aid44.preservation': '(2) Preservation of property or evidence, or advance enforcement, must be applied for at once',
  'aid44.other_by_statute': '(3) Another case set by laws, regulations or rules',
});
