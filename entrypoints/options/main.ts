import '../../src/ui/ui.css';
import { start } from '../../src/ui/options';

void start(document.getElementById('app')!);
