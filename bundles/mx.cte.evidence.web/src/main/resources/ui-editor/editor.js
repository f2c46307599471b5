// The evidence of one owner (an agreement, a product a guide lays out): its photos shown small, its PDFs as links,
// and for the school's staff a way to attach a photo or a PDF and to remove one. Served by the evidence module
// (mx.cte.evidence.web) as the panel "evidencias"; the session screen's editors place it. Texts from the server are
// set as text, never as HTML. A photo is reduced here before it travels (a phone's 4 MB photo is some 300 KB at the
// size the platform keeps, which a slow link sends in seconds), and without a connection it waits in the outbox.

const KINDS = 'image/jpeg,image/png,application/pdf,.jpg,.jpeg,.png,.pdf';
/** The platform keeps photos at this size on their longer side, as JPEG of this quality (mx.cte.evidence.impl). */
const LONGEST_SIDE = 1600;
const QUALITY = 0.82;
/** Above the platform's limit nothing is decoded here: the platform says it is too large. */
const MAX_FILE = 10 * 1024 * 1024;

/**
 * A JPEG or PNG photo turned upright and reduced as the platform would keep it, when that makes it smaller; anything
 * else, or what this browser cannot decode, as it was (the platform checks and reduces it all the same).
 */
export async function reducedForTheLink(file) {
  if (!/^image\/(jpeg|png)$/.test(file.type) || file.size > MAX_FILE || !window.createImageBitmap) {
    return file;
  }
  try {
    const bitmap = await createImageBitmap(file, {imageOrientation: 'from-image'});
    const scale = Math.min(1, LONGEST_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    const drawing = canvas.getContext('2d');
    drawing.fillStyle = '#ffffff'; // a PNG's transparent parts, as JPEG has none
    drawing.fillRect(0, 0, canvas.width, canvas.height);
    drawing.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const jpeg = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', QUALITY));
    if (!jpeg || jpeg.size >= file.size) {
      return file;
    }
    return new File([jpeg], file.name.replace(/\.(png|jpe?g)$/i, '') + '.jpg', {type: 'image/jpeg'});
  } catch (undecodable) {
    return file;
  }
}

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

  /** A file attached without a connection, waiting in the outbox. */
  function waiting(edit) {
    const label = new URLSearchParams(edit.path.split('?')[1] || '').get('descripcion') || edit.file.name;
    return el('li', {class: 'pendiente'}, el('span', {class: 'detalle'},
        `${label}: se adjuntará al volver la conexión.`));
  }

  async function refresh() {
    const kept = ctx.pendingFiles ? (await ctx.pendingFiles(path)).map(waiting) : [];
    try {
      const answer = await api(path);
      const found = answer.evidencias;
      list.replaceChildren(...found.map(item), ...kept);
      if (!list.children.length) {
        list.replaceChildren(el('li', {}, 'Aún no hay evidencias.'));
      }
      const mb = (bytes) => `${(bytes / 1048576).toLocaleString('es-MX', {maximumFractionDigits: 1})} MB`;
      space.textContent = answer.espacio?.cuota ? `La escuela usa ${mb(answer.espacio.usado)} de`
        + ` ${mb(answer.espacio.cuota)} para sus evidencias.` : '';
    } catch (failure) {
      list.replaceChildren(el('li', {}, failure.status ? failure.message
        : 'Sin conexión: las evidencias se ven al volver la conexión.'), ...kept);
    }
  }

  // The outbox sent one of this owner's files: shown with the others.
  window.addEventListener('cte-guardado', (event) => {
    if (list.isConnected && event.detail.path.split('?')[0] === path) {
      refresh();
    }
  });

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
      status.textContent = 'Preparando…';
      try {
        const prepared = await reducedForTheLink(chosen);
        const target = `${path}?nombre=${encodeURIComponent(prepared.name)}&descripcion=${encodeURIComponent(
            description.value.trim())}`;
        status.textContent = 'Enviando…';
        const outcome = await attach(prepared, target);
        if (outcome.estado === 'rechazado') {
          status.textContent = '';
          error.textContent = `No se adjuntó: ${outcome.detail}`;
        } else {
          status.textContent = outcome.estado === 'guardado' ? 'Evidencia adjuntada.'
            : navigator.onLine ? 'La plataforma no respondió: la evidencia se enviará en cuanto responda.'
              : 'Sin conexión: la evidencia se adjuntará al volver la conexión.';
          form.reset();
        }
      } finally {
        button.disabled = false;
      }
      await refresh();
    });
    content.push(form);

    /** Through the outbox when it can keep the file (sent once, later if need be); otherwise at once. */
    const attach = async (prepared, target) => {
      if (ctx.sendFile && prepared.size <= ctx.maxKeptFile) {
        try {
          return await ctx.sendFile(`evidencia ${prepared.name}`, target, prepared);
        } catch (notKept) {
          // this browser cannot keep it: sent at once below
        }
      }
      try {
        await api(target, {method: 'POST', file: prepared});
        return {estado: 'guardado'};
      } catch (failure) {
        return {estado: 'rechazado', detail: failure.status ? failure.message
          : 'sin conexión, y este archivo no puede esperar en el navegador. Adjúntelo cuando vuelva la conexión.'};
      }
    };
  }
  await refresh();
  return {orden: 10, contenido: content};
}
