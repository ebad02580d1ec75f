// The roster's publish check: Simplified Chinese first, English second.
import { extend } from './i18n.js';

extend({
  'rc.title': '发布前请核对以下变更', 'rc.summary': '新增 {c} 个班次，更换律师 {u} 个，调整时间 {t} 个，删除 {r} 个，保留已预约 {k} 个。',
  'rc.none': '与已发布的排班相同，无需发布。', 'rc.confirm': '确认发布', 'rc.cancel': '暂不发布',
  'rc.kind.created': '新增', 'rc.kind.reassigned': '更换律师', 'rc.kind.retimed': '调整时间',
  'rc.kind.removed': '删除', 'rc.kind.kept_booked': '保留（已有预约）',
  'rc.when': '{d}（{w}） {s} {from}–{to}：', 'rc.unfilled': '未排', 'rc.booked': '已有 {n} 人预约，发布后将短信告知',
  'rc.keptBooked': '已有 {n} 人预约，班次保留不删除', 'list.sep': '、', 'rules.sessionsShort': '值班时段',
}, {
  'rc.title': 'Check these changes before publishing', 'rc.summary': '{c} shifts created, {u} with another lawyer, {t} retimed, {r} removed, {k} kept because booked.',
  'rc.none': 'The same as the published roster: nothing to publish.', 'rc.confirm': 'Publish now', 'rc.cancel': 'Not now',
  'rc.kind.created': 'New', 'rc.kind.reassigned': 'Another lawyer', 'rc.kind.retimed': 'New hours',
  'rc.kind.removed': 'Removed', 'rc.kind.kept_booked': 'Kept (booked)',
  'rc.when': '{d} ({w}), {s}, {from}–{to}: ', 'rc.unfilled': 'unfilled', 'rc.booked': '{n} booked: they will be told by SMS',
  'rc.keptBooked': '{n} booked: the shift is kept', 'list.sep': ', ', 'rules.sessionsShort': 'Sessions',
});
