// The evidence of one owner (an agreement, a product a guide lays out): its photos shown small, its PDFs as links,
// and for the school's staff a way to attach a photo or a PDF and to remove one. Served by the evidence module
// (mx.cte.evidence.web) as the panel "evidencias"; the session screen's editors place it. Texts from the server are
// set as text, never as HTML.

const KINDS = 'image/jpeg,image/png,application/pdf,.jpg,.jpeg,.png,.pdf';

export async function evidencias(ctx) {
  const {el, api, school, owner} = ctx;
  const base = `/api/v1/evidence/${encodeURIComponent(school)}`;
  const path = `${base}/owners/${encodeURIComponent(owner.tipo)}/${encodeURIComponent(String(owner.id))}`;
  const key = `evidencia-${owner.tipo}-${String(owner.id).replace(/[^A-Za-z0-9-]/g, '-')}`;
  const list = el('ul', {class: 'evidencias-lista', id: `${key}-lista`});
  const status = el('p', {class: 'estado-guardado', role: 'status'});
  const space = el('p', {class: 'ayuda', id: `${key}-espacio`});

  function item(evidence) {
    const label = evidence.descripcion || evidence.nombre;
    const shown = evidence.tipo.startsWith('image/')
      ? el('a', {href: evidence.archivo, target: '_blank', rel: 'noopener'},
          el('img', {src: evidence.archivo, alt: label, loading: 'lazy', width: '160',
            height: String(Math.round(160 * (evidence.alto || 1) / (evidence.ancho || 1)))}))
      : el('a', {href: evidence.archivo, download: evidence.nombre}, `${evidence.nombre} (PDF)`);
    const parts = [shown, el('span', {class: 'detalle'}, ` ${label}`)];
    if (ctx.writable) {
      const remove = el('button', {type: 'button', class: 'secundario', 'aria-label': `Quitar la evidencia «${label}»`},
          'Quitar');
      remove.addEventListener('click', async () => {
        const sure = ctx.confirmInPlace ? await ctx.confirmInPlace(remove, `¿Quitar la evidencia «${label}»?`,
            'Sí, quitar') : true;
        if (!sure) {
          return;
        }
        try {
          await api(evidence.archivo, {method: 'DELETE'});
          status.textContent = 'Evidencia quitada.';
        } catch (failure) {
          status.textContent = `No se quitó: ${failure.message}`;
        }
        await refresh();
      });
      parts.push(' ', remove);
    }
    return el('li', {}, ...parts);
  }

  async function refresh() {
    try {
      const answer = await api(path);
      const found = answer.evidencias;
      list.replaceChildren(...(found.length ? found.map(item) : [el('li', {}, 'Aún no hay evidencias.')]));
      const mb = (bytes) => `${(bytes / 1048576).toLocaleString('es-MX', {maximumFractionDigits: 1})} MB`;
      space.textContent = answer.espacio?.cuota ? `La escuela usa ${mb(answer.espacio.usado)} de`
        + ` ${mb(answer.espacio.cuota)} para sus evidencias.` : '';
    } catch (failure) {
      list.replaceChildren(el('li', {}, failure.status ? failure.message
        : 'Sin conexión: las evidencias se ven al volver la conexión.'));
    }
  }

  const content = [list, status];
  if (ctx.writable) {
    const file = el('input', {type: 'file', id: `${key}-archivo`, accept: KINDS});
    const description = el('input', {type: 'text', id: `${key}-descripcion`, maxlength: '500'});
    const error = el('p', {class: 'error', role: 'alert'});
    const form = el('form', {class: 'adjuntar-evidencia', novalidate: ''},
        el('label', {for: file.id}, 'Foto (JPG o PNG) o PDF, hasta 10 MB'), file,
        el('label', {for: description.id}, 'Qué muestra (opcional)'), description, error,
        el('button', {type: 'submit'}, 'Adjuntar evidencia'), space);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const chosen = file.files[0];
      error.textContent = chosen ? '' : 'Elija una foto o un PDF.';
      if (!chosen) {
        file.focus();
        return;
      }
      const button = form.querySelector('button');
      button.disabled = true;
      status.textContent = 'Enviando…';
      try {
        await api(`${path}?nombre=${encodeURIComponent(chosen.name)}&descripcion=${encodeURIComponent(
            description.value.trim())}`, {method: 'POST', file: chosen});
        status.textContent = 'Evidencia adjuntada.';
        form.reset();
      } catch (failure) {
        status.textContent = '';
        error.textContent = failure.status ? `No se adjuntó: ${failure.message}`
          : 'No se adjuntó: sin conexión. Adjúntela cuando vuelva la conexión.';
      } finally {
        button.disabled = false;
      }
      await refresh();
    });
    content.push(form);
  }
  await refresh();
  return {orden: 10, contenido: content};
}
