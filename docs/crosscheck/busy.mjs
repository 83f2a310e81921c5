// Busy periods of an iCalendar file by ical.js, with runplan's rules of what is busy, for comparison.
// usage: node busy.mjs FILE FIRST_DAY DAYS ZONE  ->  lines "start/end/label" in ZONE's wall clock, or "REFUSED ..."
import fs from 'node:fs';
import ICAL from 'ical.js';

const [file, firstDay, days, zone] = process.argv.slice(2);
const pad = n => String(n).padStart(2, '0');
const fmt = new Intl.DateTimeFormat('en-CA', {timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit',
  day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit'});
function wallOf(ms) { // epoch ms -> "YYYY-MM-DDTHH:MM:SS" in zone
  const p = Object.fromEntries(fmt.formatToParts(new Date(ms)).map(x => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
}
function zoneOffsetMs(tz, wall) { // the offset of IANA zone tz at wall clock time "YYYY-MM-DDTHH:MM:SS"
  const guess = Date.parse(wall + 'Z');
  const f = new Intl.DateTimeFormat('en-CA', {timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit',
    day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit'});
  const p = Object.fromEntries(f.formatToParts(new Date(guess)).map(x => [x.type, x.value]));
  return Date.parse(`${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}Z`) - guess;
}
function wallString(t) { return `${t.year}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`; }
// a time as the wall clock in ZONE: zoned/UTC times converted, floating times and dates as they are
function wall(t, tzid) {
  if (t.isDate) return `${t.year}-${pad(t.month)}-${pad(t.day)}T00:00:00`;
  if (t.zone === ICAL.Timezone.utcTimezone) return wallOf(t.toUnixTime() * 1000);
  if (t.zone && t.zone !== ICAL.Timezone.localTimezone && t.zone.tzid !== 'floating') return wallOf(t.toUnixTime() * 1000);
  if (tzid) { // a TZID ical.js has no VTIMEZONE for: an IANA name via Intl, as the JS platform knows it
    try { const w = wallString(t); return wallOf(Date.parse(w + 'Z') - zoneOffsetMs(tzid, w)); } catch (e) { /* not IANA */ }
  }
  return wallString(t);
}
let text;
try { text = fs.readFileSync(file, 'utf8'); } catch (e) { console.log('REFUSED ' + e.message); process.exit(0); }
let comps;
try {
  const parsed = ICAL.parse(text);
  comps = (Array.isArray(parsed[0]) ? parsed : [parsed]).map(j => new ICAL.Component(j));
} catch (e) { console.log('REFUSED ' + e.message.split('\n')[0]); process.exit(0); }
const start = firstDay + 'T00:00:00';
const endDay = new Date(Date.parse(firstDay + 'T00:00:00Z') + days * 86400000).toISOString().slice(0, 10) + 'T00:00:00';
const out = [];
function isBusy(ev, allDay) {
  const p = n => { const v = ev.getFirstPropertyValue(n); return v == null ? null : String(v).trim().toUpperCase(); };
  if (p('status') === 'CANCELLED') return false;
  if (p('transp') != null) return p('transp') !== 'TRANSPARENT';
  if (p('x-microsoft-cdo-busystatus') != null) return p('x-microsoft-cdo-busystatus') !== 'FREE';
  return !allDay;
}
function add(s, e, label) {
  let a = s.slice(0, 16), b = e.slice(0, 16);
  if (e.slice(17) !== '00') { b = new Date(Date.parse(e.slice(0, 16) + ':00Z') + 60000).toISOString().slice(0, 16); }
  if (a < start.slice(0, 16)) a = start.slice(0, 16);
  if (b > endDay.slice(0, 16)) b = endDay.slice(0, 16);
  if (b > a) out.push(`${a}/${b}/${label}`);
}
try {
  for (const cal of comps) {
    for (const vtz of cal.getAllSubcomponents('vtimezone')) {
      try { ICAL.TimezoneService.register(vtz); } catch (e) { /* skipped */ }
    }
  }
  for (const cal of comps) {
    const events = cal.getAllSubcomponents('vevent');
    const masters = new Map();
    const exceptions = [];
    for (const ve of events) {
      if (ve.hasProperty('recurrence-id')) exceptions.push(ve); else masters.set(ve.getFirstPropertyValue('uid') ?? Math.random(), ve);
    }
    const lone = [];
    for (const ex of exceptions) {
      const m = masters.get(ex.getFirstPropertyValue('uid'));
      if (!m) lone.push(ex);
    }
    for (const ve of [...masters.values(), ...lone]) {
      const event = new ICAL.Event(ve, {strictExceptions: false});
      if (masters.has(ve.getFirstPropertyValue('uid')) && masters.get(ve.getFirstPropertyValue('uid')) === ve) {
        for (const ex of exceptions) if (ex.getFirstPropertyValue('uid') === ve.getFirstPropertyValue('uid')) event.relateException(ex);
      }
      const tzOf = c => (c && c.getFirstProperty('dtstart') && c.getFirstProperty('dtstart').getParameter('tzid')) || null;
      const summary = c => (c.getFirstPropertyValue('class') || '').toString().toUpperCase().match(/PRIVATE|CONFIDENTIAL/) ? 'busy'
        : ((c.getFirstPropertyValue('summary') || '').toString().replace(/[\s\u0000-\u001f]+/g, ' ').trim() || 'busy');
      if (!event.isRecurring()) {
        const s = event.startDate; if (!s) continue;
        const e = event.endDate;
        if (!isBusy(ve, s.isDate) || e.compare(s) <= 0) continue;
        add(wall(s, tzOf(ve)), wall(e, tzOf(ve)), summary(ve));
        continue;
      }
      const it = event.iterator();
      let next, n = 0;
      while ((next = it.next()) && n++ < 20000) {
        const d = event.getOccurrenceDetails(next);
        const item = d.item.component;
        const s = wall(d.startDate, tzOf(item)), e = wall(d.endDate, tzOf(item));
        if (s >= endDay) break;
        if (!isBusy(item, d.startDate.isDate) || d.endDate.compare(d.startDate) <= 0) continue;
        add(s, e, summary(item));
      }
    }
    for (const fb of cal.getAllSubcomponents('vfreebusy')) {
      for (const prop of fb.getAllProperties('freebusy')) {
        const type = (prop.getParameter('fbtype') || 'BUSY').toUpperCase();
        if (type === 'FREE') continue;
        const label = type === 'BUSY-UNAVAILABLE' ? 'unavailable' : type === 'BUSY-TENTATIVE' ? 'tentative' : 'busy';
        for (const v of prop.getValues()) add(wall(v.start), wall(v.getEnd()), label);
      }
    }
  }
} catch (e) { console.log('REFUSED ' + e.message.split('\n')[0]); process.exit(0); }
out.sort().forEach(l => console.log(l));
