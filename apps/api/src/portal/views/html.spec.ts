import { html, raw } from './html';

describe('html template', () => {
  it('escapes interpolated text, including inside attributes', () => {
    const name = `"><script>alert('x')</script>`;
    expect(html`<a title="${name}">${name}</a>`.value).toBe(
      '<a title="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;">&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</a>',
    );
  });

  it('nests templates and lists without escaping them twice, and drops null, undefined and false', () => {
    const items = ['a&b', 'c'].map((item) => html`<li>${item}</li>`);
    expect(html`<ul>${items}${null}${undefined}${false}${raw('<hr>')}</ul>`.value).toBe('<ul><li>a&amp;b</li><li>c</li><hr></ul>');
  });
});
