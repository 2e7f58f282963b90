/** Inline in every page (CSP allows inline styles, not inline scripts): no asset pipeline needed. */
export const PORTAL_STYLES = `
@font-face{font-family:Pretendard;font-weight:400;font-display:swap;src:url(/portal/assets/fonts/pretendard-400.woff2) format('woff2')}
@font-face{font-family:Pretendard;font-weight:700;font-display:swap;src:url(/portal/assets/fonts/pretendard-700.woff2) format('woff2')}
*{box-sizing:border-box}
body{margin:0;font-family:Pretendard,'Apple SD Gothic Neo','Noto Sans KR',system-ui,sans-serif;background:#f5f6fa;color:#1f2430;line-height:1.5}
header{background:#1f2a44;color:#fff;padding:14px 24px;display:flex;flex-wrap:wrap;gap:12px;align-items:center;justify-content:space-between}
header h1{font-size:18px;margin:0}
header a{color:#cfd8ff}
nav{display:flex;flex-wrap:wrap;gap:4px;padding:8px 24px;background:#fff;border-bottom:1px solid #e3e6ef}
nav a{padding:6px 12px;border-radius:6px;color:#1f2a44;text-decoration:none}
nav a.active{background:#e8ecff;font-weight:600}
main{max-width:960px;margin:0 auto;padding:20px 16px;display:grid;gap:16px}
section.card{background:#fff;border:1px solid #e3e6ef;border-radius:10px;padding:18px 20px}
section.card h2{font-size:17px;margin:0 0 12px}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));gap:12px}
.muted{color:#6b7285;font-size:14px}
.amount{font-size:26px;font-weight:700}
.notice{padding:12px 16px;border-radius:8px;background:#e9f7ef;border:1px solid #a8dcbc}
.notice.error{background:#fdecec;border-color:#f2b0b0}
.bar{height:10px;background:#e8ebf3;border-radius:5px;overflow:hidden;margin:4px 0 10px}
.bar span{display:block;height:100%;background:#4b6bfb}
.bar span.over{background:#e5484d}
table{width:100%;border-collapse:collapse;font-size:14px}
th,td{padding:8px 6px;border-bottom:1px solid #eef0f5;text-align:left}
td.num,th.num{text-align:right;white-space:nowrap}
form.inline{display:inline}
button,.button{font-family:inherit;display:inline-block;padding:8px 14px;border-radius:6px;border:1px solid #4b6bfb;background:#4b6bfb;color:#fff;font-size:14px;cursor:pointer;text-decoration:none}
button.secondary,.button.secondary{background:#fff;color:#4b6bfb}
button.danger{background:#e5484d;border-color:#e5484d}
input,select{font-family:inherit;padding:7px 9px;border:1px solid #cdd2df;border-radius:6px;font-size:14px}
label{display:block;margin:8px 0 4px;font-size:14px}
.pager{display:flex;gap:8px;align-items:center;margin-top:12px}
svg.chart{width:100%;height:auto}
@media (max-width:600px){header{padding:12px 16px}nav{padding:8px 12px}th.optional,td.optional{display:none}}
`;
