import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { Aggregate } from '../../core/aggregate';
import type { Instrument } from '../../core/instrument';
import { connectHub, deviceId, type ConnectionState } from '../common/hubClient';
import '../common/base.css';
import './admin.css';

/** The organiser's view of the stand: what the hub runs and how many answers it holds. */
function Console() {
  const [connection, setConnection] = useState<ConnectionState>('connecting');
  const [instrument, setInstrument] = useState<Instrument | null>(null);
  const [aggregate, setAggregate] = useState<Aggregate | null>(null);
  useEffect(() => {
    const client = connectHub({
      role: 'admin',
      device: deviceId('ideale.device.v1'),
      onState: setConnection,
      onMessage: (message) => {
        if (message.type === 'welcome') {
          setInstrument(message.instrument);
          setAggregate(message.aggregate);
        } else if (message.type === 'update') setAggregate(message.aggregate);
      },
    });
    return () => client.close();
  }, []);
  return (
    <main className="console">
      <h1>De ideale ambtenaar: console</h1>
      <p role="status">Hub: {connection === 'open' ? 'verbonden' : 'geen verbinding'}</p>
      {instrument && (
        <p>
          Instrument: {instrument.title.nl} ({instrument.id}@{instrument.version})
        </p>
      )}
      {aggregate && instrument && (
        <table>
          <caption>Antwoorden vandaag: {aggregate.total}</caption>
          <tbody>
            {instrument.types.map((type, i) => (
              <tr key={type.id}>
                <th scope="row">{type.name.nl}</th>
                <td>{aggregate.leading[i]}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">Kameleon</th>
              <td>{aggregate.chameleons}</td>
            </tr>
          </tbody>
        </table>
      )}
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Console />
  </StrictMode>,
);
