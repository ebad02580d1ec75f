// The roster's publish check: Simplified Chinese first, English second.
import { extend } from './i18n.js';

extend({
  'rpub.title': '发布前请核对以下变更', 'rpub.summary': '新增 {c} 个班次，更换律师 {u} 个，调整时间 {t} 个，删除 {r} 个，保留已预约 {k} 个。',
  'rpub.none': '与已发布的排班相同，无需发布。', 'rpub.confirm': '确认发布', 'rpub.cancel': '暂不发布',
  'rpub.kind.created': '新增', 'rpub.kind.reassigned': '更换律师', 'rpub.kind.retimed': '调整时间',
  'rpub.kind.removed': '删除', 'rpub.kind.kept_booked': '保留（已有预约）',
  'rpub.when': '{d}（{w}） {s} {from}–{to}：', 'rpub.unfilled': '未排', 'rpub.booked': '已有 {n} 人预约，发布后将短信告知',
  'rpub.keptBooked': '已有 {n} 人预约，班次保留不删除', 'list.sep': '、', 'rules.sessionsShort': '值班时段', 'day.choose': '请选择', 'day.notYet': '开始前半小时起可登记到场、填写咨询记录。', 'cal.closureEffect': '停止办公将取消当天 {b} 个已确认的预约，并短信告知预约的居民；当天 {s} 个时段不再接受预约。', 'cal.closureConfirm': '确认停止办公', 'cal.closureKeep': '暂不停止办公', 'outbox.kind.booking_closed': '停止办公，预约取消', 'cal.closedTold': '已停止办公，已取消 {n} 个预约并短信告知居民。', 'outbox.kind.advisor_contract_ending': '法律顾问合同将到期',
}, {
  'rpub.title': 'Check these changes before publishing', 'rpub.summary': '{c} shifts created, {u} with another lawyer, {t} retimed, {r} removed, {k} kept because booked.',
  'rpub.none': 'The same as the published roster: nothing to publish.', 'rpub.confirm': 'Publish now', 'rpub.cancel': 'Not now',
  'rpub.kind.created': 'New', 'rpub.kind.reassigned': 'Another lawyer', 'rpub.kind.retimed': 'New hours',
  'rpub.kind.removed': 'Removed', 'rpub.kind.kept_booked': 'Kept (booked)',
  'rpub.when': '{d} ({w}), {s}, {from}–{to}: ', 'rpub.unfilled': 'unfilled', 'rpub.booked': '{n} booked: they will be told by SMS',
  'rpub.keptBooked': '{n} booked: the shift is kept', 'list.sep': ', ', 'rules.sessionsShort': 'Sessions', 'day.choose': 'Choose', 'day.notYet': 'Attendance and the record open half an hour before the start.', 'cal.closureEffect': 'Closing will cancel {b} confirmed bookings that day and tell the residents by SMS; {s} slots that day will take no more bookings.', 'cal.closureConfirm': 'Close the day', 'cal.closureKeep': 'Not now', 'outbox.kind.booking_closed': 'Closed day: booking cancelled', 'cal.closedTold': 'Closed: {n} bookings cancelled, the residents told by SMS.', 'outbox.kind.advisor_contract_ending': 'Advisor contract ending',
});
