import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { Dialog } from '../components/dialog.tsx';
import { ObjectForm } from '../components/object-form.tsx';
import { useSession } from '../session.tsx';

export function CreateNumber() {
  const { client } = useSession();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="primary" onClick={() => setOpen(true)}>Add a number</button>
      <Dialog open={open} title="Add a number" onClose={() => setOpen(false)}>
        <ObjectForm
          create
          submitLabel="Add"
          fields={[
            { name: 'number', label: 'Number', required: true, placeholder: '+1 415 555 0100', help: 'With its country code.' },
            { name: 'friendly_name', label: 'Name' },
          ]}
          onSubmit={async (body) => {
            const created = await client.phoneNumbers.create(body as { number: string }, { idempotencyKey: crypto.randomUUID() });
            await queryClient.invalidateQueries({ queryKey: ['numbers'] });
            setOpen(false);
            navigate(`/numbers/${created.id}`);
          }}
        >
          <button type="button" onClick={() => setOpen(false)}>Cancel</button>
        </ObjectForm>
      </Dialog>
    </>
  );
}
