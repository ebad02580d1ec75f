// Interface strings: Simplified Chinese first, English second. A page asks
// t('key'); the language choice is kept in localStorage.
const strings = {
  zh: {
    skip: '跳到主要内容', brand: '公共法律服务平台', large: '大字', loading: '加载中…',
    'nav.home': '首页', 'nav.sites': '服务站点', 'nav.login': '登录', 'nav.me': '我的',
    footer: '公共法律服务热线 12348 · 免费法律咨询',
    'home.title': '公共法律服务', 'home.lead': '就近找到法律服务站点，预约律师免费咨询，申请法律援助。',
    'home.sites': '查找服务站点', 'home.sites.text': '按乡镇（街道）查找工作站和村（社区）工作室。',
    'home.login': '登录', 'home.login.text': '居民用手机验证码登录；工作人员用密码登录。',
    'home.hotline': '法律服务热线', 'home.hotline.text': '拨打 12348，工作日有律师值班解答。',
    'sites.title': '服务站点', 'sites.township': '选择乡镇（街道）', 'sites.choose': '请选择',
    'sites.center': '市公共法律服务中心', 'sites.station': '乡镇（街道）工作站', 'sites.rooms': '村（社区）工作室',
    'sites.search': '搜索村（社区）名称', 'sites.none': '没有找到匹配的工作室。', 'sites.count': '共 {n} 个',
    'sites.hours': '开放时间', 'sites.address': '地址', 'sites.phone': '电话', 'sites.sample': '示例',
    'sites.others': '其他服务机构',
    'login.title': '登录', 'login.resident': '居民登录', 'login.staff': '工作人员登录',
    'login.phone': '手机号码', 'login.code': '短信验证码', 'login.getCode': '获取验证码',
    'login.resend': '{n} 秒后重新获取', 'login.sent': '验证码已发送，请查看短信。', 'login.password': '密码',
    'login.submit': '登录', 'login.phoneHint': '11位手机号码',
    'me.title': '我的账号', 'me.name': '姓名', 'me.role': '身份', 'me.phone': '手机号码', 'me.logout': '退出登录',
    'role.resident': '居民', 'role.lawyer': '律师', 'role.aid_officer': '法律援助工作人员',
    'role.notary_clerk': '公证处工作人员', 'role.admin': '管理员',
    'error.network': '网络连接失败，请检查网络后重试。',
    'nav.roster': '排班', 'nav.rules': '值班规则', 'nav.calendar': '日历', 'nav.myShifts': '我的值班',
    'week.1': '一', 'week.2': '二', 'week.3': '三', 'week.4': '四', 'week.5': '五', 'week.6': '六', 'week.7': '日',
    'kind.workday': '工作日', 'kind.weekend': '周末', 'kind.holiday': '节假日', 'kind.makeup_workday': '调休上班',
    'kind.closed': '停止办公', 'kind.extra_workday': '加班',
    'roster.title': '排班管理', 'roster.month': '月份', 'roster.preview': '预览排班', 'roster.publish': '发布排班',
    'roster.site': '站点', 'roster.unfilled': '未排', 'roster.fairness': '公平性（每人班次）',
    'roster.min': '最少', 'roster.max': '最多', 'roster.stdev': '标准差', 'roster.ok': '均衡', 'roster.notOk': '不均衡',
    'roster.published': '已发布：新增 {c}，变更 {u}，删除 {r}，保留已预约 {k}。',
    'roster.unfilledList': '未能安排的班次', 'roster.noneUnfilled': '全部班次均已安排。', 'roster.previewFirst': '请先预览再发布。',
    'rules.title': '值班规则', 'rules.add': '新增规则', 'rules.site': '站点', 'rules.pattern': '值班规律',
    'rules.pattern.workdays': '每个工作日', 'rules.pattern.weekly': '每周固定日', 'rules.pattern.monthly_nth': '每月第几个星期几',
    'rules.weekdays': '星期（如 3 表示周三，多个用逗号分隔）', 'rules.nth': '第几个（-1 表示最后一个）',
    'rules.sessions': '值班时段（如 09:00-12:00, 14:30-17:30）', 'rules.slot': '每个预约时段（分钟）',
    'rules.capacity': '每个时段可约人数', 'rules.lawyers': '每班律师人数', 'rules.policy': '遇节假日',
    'rules.policy.skip': '取消', 'rules.policy.next_workday': '顺延到下一个工作日', 'rules.from': '生效日期',
    'rules.save': '保存规则', 'rules.saved': '规则已保存。', 'rules.active': '启用', 'rules.inactive': '停用',
    'rules.deactivate': '停用', 'rules.activate': '启用',
    'cal.title': '工作日历', 'cal.override': '调整某一天', 'cal.date': '日期', 'cal.kind': '类型',
    'cal.kind.closed': '停止办公', 'cal.kind.workday': '上班', 'cal.name': '说明', 'cal.save': '保存调整', 'cal.saved': '已保存。',
    'shifts.title': '我的值班', 'shifts.prev': '上个月', 'shifts.next': '下个月', 'shifts.none': '本月没有值班。',
    'shifts.feed': '日历订阅', 'shifts.feedHint': '把此链接添加到手机日历，即可自动同步值班安排。请勿分享给他人。',
    'shifts.revoke': '停用并更换链接', 'shifts.leave': '请假', 'shifts.from': '开始日期', 'shifts.to': '结束日期',
    'shifts.reason': '事由', 'shifts.askLeave': '提交请假',
    'shifts.leaveDone': '请假已登记：{m} 个班次已改派，{u} 个暂无人接替（已报管理员）。',
    'shifts.swaps': '换班申请', 'shifts.accept': '同意', 'shifts.decline': '拒绝', 'shifts.noSwaps': '暂无换班申请。',
    'shifts.swapFrom': '班次 #{id}：{from} 请您接替', 'shifts.status.proposed': '待处理', 'shifts.status.accepted': '已同意', 'shifts.status.declined': '已拒绝',
    'notfound.title': '页面不存在', 'notfound.back': '返回首页',
  },
  en: {
    skip: 'Skip to main content', brand: 'Public Legal Services', large: 'Large text', loading: 'Loading…',
    'nav.home': 'Home', 'nav.sites': 'Service sites', 'nav.login': 'Sign in', 'nav.me': 'My account',
    footer: 'Legal services hotline 12348 · free legal advice',
    'home.title': 'Public legal services', 'home.lead': 'Find a service site near you, book a free consultation with a lawyer, apply for legal aid.',
    'home.sites': 'Find a service site', 'home.sites.text': 'Township stations and village rooms, by township.',
    'home.login': 'Sign in', 'home.login.text': 'Residents sign in with an SMS code; staff with a password.',
    'home.hotline': 'Hotline', 'home.hotline.text': 'Call 12348; lawyers answer on workdays.',
    'sites.title': 'Service sites', 'sites.township': 'Choose a township', 'sites.choose': 'Choose',
    'sites.center': 'City public legal service centre', 'sites.station': 'Township station', 'sites.rooms': 'Village rooms',
    'sites.search': 'Search village names', 'sites.none': 'No matching room.', 'sites.count': '{n} in all',
    'sites.hours': 'Opening hours', 'sites.address': 'Address', 'sites.phone': 'Phone', 'sites.sample': 'sample',
    'sites.others': 'Other services',
    'login.title': 'Sign in', 'login.resident': 'Residents', 'login.staff': 'Staff',
    'login.phone': 'Mobile number', 'login.code': 'SMS code', 'login.getCode': 'Get code',
    'login.resend': 'Resend in {n} s', 'login.sent': 'Code sent: check your messages.', 'login.password': 'Password',
    'login.submit': 'Sign in', 'login.phoneHint': '11-digit mobile number',
    'me.title': 'My account', 'me.name': 'Name', 'me.role': 'Role', 'me.phone': 'Mobile', 'me.logout': 'Sign out',
    'role.resident': 'Resident', 'role.lawyer': 'Lawyer', 'role.aid_officer': 'Legal-aid officer',
    'role.notary_clerk': 'Notary clerk', 'role.admin': 'Administrator',
    'error.network': 'Network error: check your connection and try again.',
    'nav.roster': 'Rosters', 'nav.rules': 'Duty rules', 'nav.calendar': 'Calendar', 'nav.myShifts': 'My shifts',
    'week.1': 'Mon', 'week.2': 'Tue', 'week.3': 'Wed', 'week.4': 'Thu', 'week.5': 'Fri', 'week.6': 'Sat', 'week.7': 'Sun',
    'kind.workday': 'Workday', 'kind.weekend': 'Weekend', 'kind.holiday': 'Holiday', 'kind.makeup_workday': 'Make-up workday',
    'kind.closed': 'Closed', 'kind.extra_workday': 'Extra workday',
    'roster.title': 'Rosters', 'roster.month': 'Month', 'roster.preview': 'Preview', 'roster.publish': 'Publish',
    'roster.site': 'Site', 'roster.unfilled': 'unfilled', 'roster.fairness': 'Fairness (shifts per lawyer)',
    'roster.min': 'Min', 'roster.max': 'Max', 'roster.stdev': 'Std dev', 'roster.ok': 'balanced', 'roster.notOk': 'uneven',
    'roster.published': 'Published: {c} created, {u} changed, {r} removed, {k} booked kept.',
    'roster.unfilledList': 'Unfilled shifts', 'roster.noneUnfilled': 'Every shift is filled.', 'roster.previewFirst': 'Preview first, then publish.',
    'rules.title': 'Duty rules', 'rules.add': 'New rule', 'rules.site': 'Site', 'rules.pattern': 'Pattern',
    'rules.pattern.workdays': 'Every workday', 'rules.pattern.weekly': 'Weekly', 'rules.pattern.monthly_nth': 'N-th weekday of the month',
    'rules.weekdays': 'Weekdays (3 = Wednesday; commas between)', 'rules.nth': 'Which one (-1 = the last)',
    'rules.sessions': 'Sessions (e.g. 09:00-12:00, 14:30-17:30)', 'rules.slot': 'Slot length (minutes)',
    'rules.capacity': 'Places per slot', 'rules.lawyers': 'Lawyers per session', 'rules.policy': 'On a holiday',
    'rules.policy.skip': 'Skip', 'rules.policy.next_workday': 'Move to the next workday', 'rules.from': 'Effective from',
    'rules.save': 'Save rule', 'rules.saved': 'Rule saved.', 'rules.active': 'Active', 'rules.inactive': 'Inactive',
    'rules.deactivate': 'Deactivate', 'rules.activate': 'Activate',
    'cal.title': 'Work calendar', 'cal.override': 'Change one day', 'cal.date': 'Date', 'cal.kind': 'Kind',
    'cal.kind.closed': 'Closed', 'cal.kind.workday': 'Working', 'cal.name': 'Note', 'cal.save': 'Save', 'cal.saved': 'Saved.',
    'shifts.title': 'My shifts', 'shifts.prev': 'Previous month', 'shifts.next': 'Next month', 'shifts.none': 'No shifts this month.',
    'shifts.feed': 'Calendar subscription', 'shifts.feedHint': 'Add this link to your phone calendar to keep your shifts in sync. Do not share it.',
    'shifts.revoke': 'Revoke and make a new link', 'shifts.leave': 'Leave', 'shifts.from': 'From', 'shifts.to': 'To',
    'shifts.reason': 'Reason', 'shifts.askLeave': 'Ask for leave',
    'shifts.leaveDone': 'Leave recorded: {m} shifts handed over, {u} still open (the administrator is told).',
    'shifts.swaps': 'Swap requests', 'shifts.accept': 'Accept', 'shifts.decline': 'Decline', 'shifts.noSwaps': 'No swap requests.',
    'shifts.swapFrom': 'Shift #{id}: {from} asks you to take it', 'shifts.status.proposed': 'open', 'shifts.status.accepted': 'accepted', 'shifts.status.declined': 'declined',
    'notfound.title': 'Page not found', 'notfound.back': 'Back to the home page',
  },
};

let lang = localStorage.getItem('lang') === 'en' ? 'en' : 'zh';

export function getLang() { return lang; }

export function setLang(l) {
  lang = l === 'en' ? 'en' : 'zh';
  localStorage.setItem('lang', lang);
}

export function t(key, vars = {}) {
  const s = strings[lang][key] ?? strings.zh[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ''));
}

// applyStatic fills every [data-i18n] element of the shell.
export function applyStatic(root = document) {
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
}
