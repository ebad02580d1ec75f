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
