import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type Announcements, type DragEndEvent, type UniqueIdentifier } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useMemo, useRef, type ReactNode } from 'react';

const INSTRUCTIONS =
  'To reorder a rule, press Space on its handle to pick it up, use the up and down arrow keys to move it, then press Space to drop it or Escape to cancel.';

// Module constants: new option objects on each render would rebuild the sensors, and with them
// the drag-and-drop context every card reads, re-rendering all cards on each keystroke.
const POINTER_OPTIONS = { activationConstraint: { distance: 4 } };
const KEYBOARD_OPTIONS = { coordinateGetter: sortableKeyboardCoordinates };
// Card ids are react-hook-form's generated field ids, which never contain a newline.
const ID_SEPARATOR = '\n';

export function RuleList({ ids, onMove, children }: { ids: readonly string[]; onMove: (from: number, to: number) => void; children: ReactNode }) {
  const sensors = useSensors(
    useSensor(PointerSensor, POINTER_OPTIONS),
    useSensor(KeyboardSensor, KEYBOARD_OPTIONS),
  );
  const lastOver = useRef<UniqueIdentifier | null>(null);
  // A new items array re-renders every sortable card (they read its context), so it changes
  // only when the order does, not on each keystroke: it is rebuilt from the order, not from `ids`.
  const order = ids.join(ID_SEPARATOR);
  const items = useMemo(() => (order === '' ? [] : order.split(ID_SEPARATOR)), [order]);
  const position = (id: UniqueIdentifier | undefined) => (id === undefined ? -1 : ids.indexOf(String(id)));
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      lastOver.current = active.id;
      return `Picked up rule ${position(active.id) + 1}.`;
    },
    onDragOver: ({ active, over }) => {
      if ((over?.id ?? null) === lastOver.current) return undefined;
      lastOver.current = over?.id ?? null;
      return over ? `Rule ${position(active.id) + 1} moved to position ${position(over.id) + 1}.` : `Rule ${position(active.id) + 1} is no longer over a position.`;
    },
    onDragEnd: ({ active, over }) => (over ? `Rule ${position(active.id) + 1} dropped at position ${position(over.id) + 1}.` : `Rule ${position(active.id) + 1} dropped; the order is unchanged.`),
    onDragCancel: ({ active }) => `Reordering cancelled; rule ${position(active.id) + 1} stays where it was.`,
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const from = position(active.id);
    const to = position(over?.id);
    if (from >= 0 && to >= 0 && from !== to) onMove(from, to);
  };
  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ announcements, screenReaderInstructions: { draggable: INSTRUCTIONS } }}>
      <SortableContext items={items} strategy={verticalListSortingStrategy}>
        <ol className="re-rule-list" aria-label="Rules, in the order the provider checks them">
          {children}
        </ol>
      </SortableContext>
    </DndContext>
  );
}
