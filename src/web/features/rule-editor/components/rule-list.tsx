import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type Announcements, type DragEndEvent, type UniqueIdentifier } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { createContext, useContext, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { webText } from '../../../lib/i18n/feature-text';

// Module constants: new option objects on each render would rebuild the sensors, and with them
// the drag-and-drop context every card reads, re-rendering all cards on each keystroke.
const POINTER_OPTIONS = { activationConstraint: { distance: 4 } };
const KEYBOARD_OPTIONS = { coordinateGetter: sortableKeyboardCoordinates };
// Card ids are react-hook-form's generated field ids, which never contain a newline.
const ID_SEPARATOR = '\n';

/** What the drag area asks the rule list it holds: where a card is, and how to move one. */
interface RuleListHandlers {
  position(id: UniqueIdentifier | undefined): number;
  move(from: number, to: number): void;
}

/** Lends the drag area the rule list's current handlers. */
const LendHandlersContext = createContext<((handlers: RuleListHandlers) => void) | null>(null);

/**
 * dnd-kit's DndContext hands its children a new transform object each time it renders, and React
 * then searches every card below it for readers of that context: ~5 ms per keystroke with 100
 * rules (bench/scenarios/rule-editor.ts), since the editor re-renders on each one. So DndContext
 * sits around the editor session, which keeps the form state, and does not re-render on
 * keystrokes; the rule list inside lends it the current order through a ref.
 */
export function RuleDragArea({ children }: { children: ReactNode }) {
  const handlers = useRef<RuleListHandlers | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, POINTER_OPTIONS),
    useSensor(KeyboardSensor, KEYBOARD_OPTIONS),
  );
  const [lend] = useState(() => (lent: RuleListHandlers) => {
    handlers.current = lent;
  });
  const [{ accessibility, onDragEnd }] = useState(() => {
    const position = (id: UniqueIdentifier | undefined) => handlers.current?.position(id) ?? -1;
    // 1-based, as the cards name rules and positions.
    const number = (id: UniqueIdentifier) => position(id) + 1;
    let lastOver: UniqueIdentifier | null = null;
    const announcements: Announcements = {
      onDragStart: ({ active }) => {
        lastOver = active.id;
        return webText('editor.reorder.picked-up', { number: number(active.id) });
      },
      onDragOver: ({ active, over }) => {
        if ((over?.id ?? null) === lastOver) return undefined;
        lastOver = over?.id ?? null;
        return over ? webText('editor.reorder.over', { number: number(active.id), position: number(over.id) }) : webText('editor.reorder.over-none', { number: number(active.id) });
      },
      onDragEnd: ({ active, over }) =>
        over ? webText('editor.reorder.dropped', { number: number(active.id), position: number(over.id) }) : webText('editor.reorder.dropped-none', { number: number(active.id) }),
      onDragCancel: ({ active }) => webText('editor.reorder.cancelled', { number: number(active.id) }),
    };
    const onDragEnd = ({ active, over }: DragEndEvent) => {
      const from = position(active.id);
      const to = position(over?.id);
      if (from >= 0 && to >= 0 && from !== to) handlers.current?.move(from, to);
    };
    return { accessibility: { announcements, screenReaderInstructions: { draggable: webText('editor.reorder.instructions') } }, onDragEnd };
  });
  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={accessibility}>
      <LendHandlersContext.Provider value={lend}>{children}</LendHandlersContext.Provider>
    </DndContext>
  );
}

/** The rule cards, sortable; inside a RuleDragArea. */
export function RuleList({ ids, onMove, children }: { ids: readonly string[]; onMove: (from: number, to: number) => void; children: ReactNode }) {
  const lend = useContext(LendHandlersContext);
  if (!lend) throw new Error('RuleList is rendered outside a RuleDragArea');
  useLayoutEffect(() => lend({ position: (id) => (id === undefined ? -1 : ids.indexOf(String(id))), move: onMove }));
  // A new items array re-renders every sortable card (they read its context), so it changes
  // only when the order does, not on each keystroke: it is rebuilt from the order, not from `ids`.
  const order = ids.join(ID_SEPARATOR);
  const items = useMemo(() => (order === '' ? [] : order.split(ID_SEPARATOR)), [order]);
  return (
    <SortableContext items={items} strategy={verticalListSortingStrategy}>
      <ol className="re-rule-list" aria-label={webText('editor.rule-list')}>
        {children}
      </ol>
    </SortableContext>
  );
}
